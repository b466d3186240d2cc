package notify

import (
	"strings"
	"unicode"
)

// OrganizationName is how a message names an organisation to a reader of
// locale: in the script the reader reads, with the English (UN list) name
// beside it. An Arabic reader gets "الجمعية المصرية للشفافية (Egyptian
// Association for Transparency)"; a reader of a Latin-script language gets
// the English name, after the original when that is in Latin script too
// ("Transparência Brasil (Transparency Brazil)"). Either name may be
// empty.
func OrganizationName(locale, name, nameEN string) string {
	name, nameEN = strings.TrimSpace(name), strings.TrimSpace(nameEN)
	switch {
	case nameEN == "" || nameEN == name:
		return name
	case name == "":
		return nameEN
	case readsArabic(locale) == isArabicScript(name):
		return name + " (" + nameEN + ")"
	}
	return nameEN
}

func readsArabic(locale string) bool { return strings.HasPrefix(strings.ToLower(locale), "ar") }

// isArabicScript reports whether most of s's letters are Arabic.
func isArabicScript(s string) bool {
	arabic, other := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.IsLetter(r):
			other++
		}
	}
	return arabic > other
}
