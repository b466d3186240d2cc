// Package namekey turns organisation names into keys for search and
// duplicate detection, so that "الجمعيّة" and "الجمعية", or "Société" and
// "societe", meet. Keys are never shown; the names are stored as written.
package namekey

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Arabic letters folded together: the spellings people use interchangeably
// when typing a name (docs/domain.md, Organisation).
var arabicFold = map[rune]rune{
	'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', // alef variants → bare alef
	'ة': 'ه', // taa marbuta → haa
	'ى': 'ي', // alef maqsura → yaa
	'ؤ': 'و', // hamza on waw → waw
	'ئ': 'ي', // hamza on yaa → yaa
	'ی': 'ي', // Farsi yeh
	'ک': 'ك', // Farsi keheh
}

const tatweel = 'ـ'

// Of returns the search key of s: Arabic folded (alef variants, taa
// marbuta, alef maqsura, diacritics and tatweel), Latin case- and
// accent-folded, punctuation dropped, white space collapsed.
func Of(s string) string {
	// NFKD splits accented Latin letters into base + combining mark, and
	// Arabic presentation forms into their base letters.
	decomposed, _, err := transform.String(transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn))), s)
	if err != nil {
		decomposed = s
	}
	var b strings.Builder
	space := false
	for _, r := range decomposed {
		switch {
		case r == tatweel:
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if f, ok := arabicFold[r]; ok {
				r = f
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			// Punctuation, symbols and spaces all separate words.
			space = true
		}
	}
	return b.String()
}

// Registration returns the key of a registration number: letters and
// digits only, upper-cased, so "RC 12/345" and "rc-12345" compare equal.
func Registration(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKC.String(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}
