package i18n

import "strconv"

// FormatInt writes n as locale writes whole numbers, with CLDR's grouping
// separator for the Latin digits:
//
//	en 1,234,567   fr 1 234 567 (narrow no-break space)   es 1.234.567
//	ar 1,234,567
//
// Arabic keeps the Western digits 0–9 with CLDR's Latin-digit separators
// for Arabic ("," and "."), not the Arabic-Indic digits ٠–٩: the coalition's
// Arabic readers span the Maghreb, where Western digits are the norm, and
// the Levant and the Gulf, where both are read; UN Arabic documents use
// Western digits; and so a number looks the same in every language and
// copies into a spreadsheet as a number.
//
// Spanish does not group four-digit numbers (CLDR's minimum grouping of
// two): 1234, but 12.345.
func FormatInt(locale string, n int64) string {
	digits := strconv.FormatInt(n, 10)
	sign := ""
	if n < 0 {
		sign, digits = "-", digits[1:]
	}
	sep := groupSeparator(locale)
	if len(digits) <= 3 || (locale == "es" && len(digits) == 4) {
		return sign + digits
	}
	var b []byte
	head := len(digits) % 3
	if head == 0 {
		head = 3
	}
	b = append(b, digits[:head]...)
	for i := head; i < len(digits); i += 3 {
		b = append(b, sep...)
		b = append(b, digits[i:i+3]...)
	}
	return sign + string(b)
}

func groupSeparator(locale string) string {
	switch locale {
	case "fr":
		return "\u202f"
	case "es":
		return "."
	}
	return ","
}
