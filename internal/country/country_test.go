package country_test

import (
	"testing"

	"github.com/accord-coalition/accord/internal/country"
)

func TestNameFallsBackToEnglish(t *testing.T) {
	c := country.Country{Code: "EG", Names: country.Names{NameAR: "مصر", NameEN: "Egypt", NameFR: "Égypte", NameES: "Egipto"}}
	r := country.Region{Code: "AFR", Names: country.Names{NameAR: "أفريقيا", NameEN: "Africa", NameFR: "Afrique", NameES: "África"}}
	cases := []struct{ locale, country, region string }{
		{"ar", "مصر", "أفريقيا"},
		{"ar-EG", "مصر", "أفريقيا"},
		{"en", "Egypt", "Africa"},
		{"FR", "Égypte", "Afrique"},
		{"fr_CH", "Égypte", "Afrique"},
		{"es-419", "Egipto", "África"},
		{"de", "Egypt", "Africa"},
		{"", "Egypt", "Africa"},
	}
	for _, tc := range cases {
		if got := c.Name(tc.locale); got != tc.country {
			t.Errorf("Country.Name(%q) = %q, want %q", tc.locale, got, tc.country)
		}
		if got := r.Name(tc.locale); got != tc.region {
			t.Errorf("Region.Name(%q) = %q, want %q", tc.locale, got, tc.region)
		}
	}
	if got := (country.Country{Names: country.Names{NameEN: "Egypt"}}).Name("fr"); got != "Egypt" {
		t.Errorf("missing French name gave %q, want the English one", got)
	}
}

func TestNormalizeCode(t *testing.T) {
	for in, want := range map[string]string{"eg": "EG", " Eg ": "EG", "EG": "EG"} {
		if got := country.NormalizeCode(in); got != want {
			t.Errorf("NormalizeCode(%q) = %q, want %q", in, got, want)
		}
	}
}
