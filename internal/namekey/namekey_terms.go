package namekey

import (
	"strings"
	"unicode"
)

// arabicPrefixes are the definite article and the particles written
// attached to it, longest first: "النزاهة", "للنزاهة" (li + al), "والنزاهة",
// "بالنزاهة" all hold the word "نزاهة". Folded as Of folds them.
var arabicPrefixes = []string{"وبال", "وكال", "ولل", "وال", "بال", "كال", "فال", "لل", "ال"}

// Terms are the words of a search, each as it is looked for inside the
// keys Of makes: folded like them, Arabic words without their article
// and its attached particles. Every term must occur in a matching key, so
// "النزاهة" finds "الشبكة الأردنية للنزاهة", and "شبكة نزاهة" finds it too.
// Stored keys keep the article: a term is a stem that occurs in both
// "للنزاهه" and "النزاهه".
func Terms(s string) []string {
	var out []string
	for _, w := range strings.Fields(Of(s)) {
		w = stripArticle(w)
		if w != "" && !contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// stripArticle drops an Arabic word's article and attached particles,
// keeping a stem of at least three letters, as Arabic roots have ("الله" stays whole).
func stripArticle(w string) string {
	if !isArabicWord(w) {
		return w
	}
	for _, p := range arabicPrefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && len([]rune(rest)) >= 3 {
			return rest
		}
	}
	return w
}

func isArabicWord(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Arabic, r) {
			return false
		}
	}
	return w != ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
