package i18n

import "slices"

// Locales are the languages Accord speaks, in the order a language switcher
// shows them. They are the same four auth accepts as a user's locale.
var Locales = []string{"ar", "en", "fr", "es"}

// Default is the language used when nothing else decides: the catalog every
// other one is checked against.
const Default = "en"

// Supported reports whether locale is one of Locales.
func Supported(locale string) bool { return slices.Contains(Locales, locale) }

// Dir is the writing direction of locale, for <html dir>: "rtl" for Arabic,
// "ltr" for the others.
func Dir(locale string) string {
	if locale == "ar" {
		return "rtl"
	}
	return "ltr"
}

// Endonym is the language's name in itself, as a language switcher shows it
// so that a reader finds their language whatever the page's language is.
func Endonym(locale string) string {
	switch locale {
	case "ar":
		return "العربية"
	case "fr":
		return "Français"
	case "es":
		return "Español"
	}
	return "English"
}
