package testenv

// Arabic returns n Arabic letters: two bytes each in UTF-8, so a limit
// counted in bytes would refuse them at half the length.
func Arabic(n int) string {
	letters := []rune("أبتثجحخدذرزسشصضطظعغفقكلمنهوي")
	out := make([]rune, n)
	for i := range out {
		out[i] = letters[i%len(letters)]
	}
	return string(out)
}
