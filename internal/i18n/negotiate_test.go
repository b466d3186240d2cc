package i18n

import "testing"

func TestNegotiate(t *testing.T) {
	cases := []struct {
		name string
		in   Choice
		want string
	}{
		{"nothing", Choice{}, "en"},
		{"query wins over everything", Choice{Query: "fr", Cookie: "es", User: "ar", AcceptLanguage: "ar"}, "fr"},
		{"query in capitals", Choice{Query: "AR"}, "ar"},
		{"unknown query falls through", Choice{Query: "de", Cookie: "es"}, "es"},
		{"cookie over user", Choice{Cookie: "es", User: "ar"}, "es"},
		{"user over browser", Choice{User: "ar", AcceptLanguage: "fr"}, "ar"},
		{"browser alone", Choice{AcceptLanguage: "es"}, "es"},
		{"browser regional variant", Choice{AcceptLanguage: "ar-EG,ar;q=0.9,en;q=0.5"}, "ar"},
		{"browser Latin American Spanish", Choice{AcceptLanguage: "es-419"}, "es"},
		{"browser weights", Choice{AcceptLanguage: "de;q=1, fr-CH;q=0.9, en;q=0.8"}, "fr"},
		{"browser speaks none", Choice{AcceptLanguage: "de, ja"}, "en"},
		{"browser garbage", Choice{AcceptLanguage: ";;;q=x"}, "en"},
	}
	for _, c := range cases {
		if got := Negotiate(c.in); got != c.want {
			t.Errorf("%s: Negotiate(%+v) = %s, want %s", c.name, c.in, got, c.want)
		}
	}
}
