package notify

import (
	"strings"
	"testing"
)

// TestCirculatedListCountAgrees: the number of organisations on a list
// takes the plural form of the reader's language; Arabic has six.
func TestCirculatedListCountAgrees(t *testing.T) {
	data := func(count int) map[string]any {
		return map[string]any{"conference": "المؤتمر", "code": "CoSP11", "number": 2, "count": count,
			"deadline": "2026-05-01 09:00 UTC", "late": false, "url": "http://accord.test/x"}
	}
	for _, c := range []struct {
		locale string
		count  int
		want   string
	}{
		{"ar", 1, "تضم منظمة غير حكومية واحدة تطلب الاعتماد"},
		{"ar", 2, "تضم منظمتين غير حكوميتين تطلبان الاعتماد"},
		{"ar", 5, "تضم 5 منظمات غير حكومية"},
		{"ar", 11, "تضم 11 منظمة غير حكومية"},
		{"en", 1, "of 1 non-governmental organisation requesting"},
		{"en", 3, "of 3 non-governmental organisations requesting"},
		{"fr", 1, "de 1 organisation non gouvernementale qui demande"},
	} {
		r, err := render("accreditation_circulated", c.locale, data(c.count))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(r.Body, c.want) {
			t.Errorf("%s %d: want %q in\n%s", c.locale, c.count, c.want, r.Body)
		}
	}
}

func TestOrganizationNameInTheReadersScript(t *testing.T) {
	const ar, en = "الجمعية المصرية للشفافية", "Egyptian Association for Transparency"
	for _, c := range []struct{ locale, name, nameEN, want string }{
		{"ar", ar, en, ar + " (" + en + ")"},
		{"en", ar, en, en},
		{"fr", ar, en, en},
		{"ar", "Transparência Brasil", "Transparency Brazil", "Transparency Brazil"},
		{"es", "Transparência Brasil", "Transparency Brazil", "Transparência Brasil (Transparency Brazil)"},
		{"ar", ar, "", ar},
		{"en", "", en, en},
		{"en", en, en, en},
	} {
		if got := OrganizationName(c.locale, c.name, c.nameEN); got != c.want {
			t.Errorf("%s %q/%q: %q, want %q", c.locale, c.name, c.nameEN, got, c.want)
		}
	}
}
