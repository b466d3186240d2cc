package i18n

import (
	"strings"

	"golang.org/x/text/language"
)

// tags are Locales as language tags, in the same order; English first, so
// that the matcher falls back to it.
var tags = []language.Tag{language.English, language.Arabic, language.French, language.Spanish}

var tagLocales = []string{"en", "ar", "fr", "es"}

var matcher = language.NewMatcher(tags)

// Choice is where a request's language comes from, strongest first.
type Choice struct {
	Query          string // ?lang=, a choice made just now
	Cookie         string // the "lang" cookie, remembering an earlier ?lang=
	User           string // the signed-in user's saved locale
	AcceptLanguage string // the browser's preferences
}

// Negotiate picks the language for a request: an explicit choice (the
// query, then the cookie that remembers it) over the signed-in user's
// saved locale over the browser's Accept-Language, and English when none
// of them names a language Accord speaks. A visitor who picks a language
// from the switcher gets it even if their account says otherwise.
func Negotiate(c Choice) string {
	for _, l := range []string{c.Query, c.Cookie, c.User} {
		if l = normalize(l); Supported(l) {
			return l
		}
	}
	return Match(c.AcceptLanguage)
}

// Match is the best of Locales for an Accept-Language header, English when
// the header names none of them: "ar-EG" gives "ar", "es-419" gives "es",
// "fr-CH;q=0.9, en;q=0.8" gives "fr".
func Match(acceptLanguage string) string {
	if strings.TrimSpace(acceptLanguage) == "" {
		return Default
	}
	prefs, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(prefs) == 0 {
		return Default
	}
	_, i, conf := matcher.Match(prefs...)
	if conf == language.No {
		return Default
	}
	return tagLocales[i]
}

func normalize(locale string) string {
	locale = strings.ToLower(strings.TrimSpace(locale))
	base, _, _ := strings.Cut(locale, "-")
	base, _, _ = strings.Cut(base, "_")
	return base
}
