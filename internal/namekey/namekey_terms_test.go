package namekey

import (
	"slices"
	"strings"
	"testing"
)

func TestTermsDropTheArabicArticleAndItsParticles(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"النزاهة", []string{"نزاهه"}},
		{"للنزاهة", []string{"نزاهه"}},
		{"والنزاهة بالشفافية", []string{"نزاهه", "شفافيه"}},
		{"الله", []string{"الله"}},
		{"ال", []string{"ال"}},
		{"Transparency International", []string{"transparency", "international"}},
		{"  ", nil},
	} {
		if got := Terms(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Terms(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// Every term of a name's variants occurs in the name's key.
	key := Of("الشبكة الأردنية للنزاهة")
	for _, q := range []string{"النزاهة", "للنزاهة", "الشبكة", "الاردنية"} {
		for _, term := range Terms(q) {
			if !strings.Contains(key, term) {
				t.Errorf("%q: term %q not in key %q", q, term, key)
			}
		}
	}
}
