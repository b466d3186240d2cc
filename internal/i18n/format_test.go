package i18n

import (
	"testing"
	"time"
)

func TestFormatInt(t *testing.T) {
	cases := []struct {
		locale string
		n      int64
		want   string
	}{
		{"en", 0, "0"}, {"en", 999, "999"}, {"en", 1000, "1,000"}, {"en", 1234567, "1,234,567"}, {"en", -45000, "-45,000"},
		{"ar", 1234567, "1,234,567"},
		{"fr", 1234, "1\u202f234"}, {"fr", 1234567, "1\u202f234\u202f567"},
		{"es", 1234, "1234"}, {"es", 12345, "12.345"}, {"es", 1234567, "1.234.567"},
	}
	for _, c := range cases {
		if got := FormatInt(c.locale, c.n); got != c.want {
			t.Errorf("FormatInt(%s, %d) = %q, want %q", c.locale, c.n, got, c.want)
		}
	}
}

func TestFormatDate(t *testing.T) {
	d := time.Date(2026, time.December, 1, 9, 30, 0, 0, time.UTC)
	// An instant late in a western zone is the next day in UTC.
	ny := time.FixedZone("UTC-5", -5*3600)
	late := time.Date(2026, time.March, 4, 22, 15, 0, 0, ny)
	for _, c := range []struct {
		name   string
		format func(locale string, t time.Time) string
		at     time.Time
		want   map[string]string
	}{
		{"FormatDate", FormatDate, d, map[string]string{
			"en": "1 December 2026",
			"fr": "1er décembre 2026",
			"es": "1 de diciembre de 2026",
			"ar": "1 ديسمبر 2026",
		}},
		{"FormatDateTime", FormatDateTime, late, map[string]string{
			"en": "5 March 2026, 03:15 UTC",
			"fr": "5 mars 2026 à 03:15 UTC",
			"es": "5 de marzo de 2026, 03:15 UTC",
			"ar": "5 مارس 2026، 03:15 UTC",
		}},
	} {
		for locale, want := range c.want {
			if got := c.format(locale, c.at); got != want {
				t.Errorf("%s(%s) = %q, want %q", c.name, locale, got, want)
			}
		}
	}
	if got := FormatDate("fr", d.AddDate(0, 0, 1)); got != "2 décembre 2026" {
		t.Errorf("fr second day = %q", got)
	}
	for _, l := range Locales {
		for m := time.January; m <= time.December; m++ {
			if MonthName(l, m) == "" {
				t.Errorf("%s has no name for %s", l, m)
			}
		}
	}
}

func TestDir(t *testing.T) {
	for locale, want := range map[string]string{"ar": "rtl", "en": "ltr", "fr": "ltr", "es": "ltr"} {
		if got := Dir(locale); got != want {
			t.Errorf("Dir(%s) = %s", locale, got)
		}
	}
}

func TestJoinList(t *testing.T) {
	if got := JoinList("ar", []string{"أ", "ب"}); got != "أ، ب" {
		t.Errorf("ar: %q", got)
	}
	if got := JoinList("fr", []string{"a", "b"}); got != "a, b" {
		t.Errorf("fr: %q", got)
	}
}
