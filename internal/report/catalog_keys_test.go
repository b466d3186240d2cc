package report

import (
	"testing"

	"github.com/accord-coalition/accord/internal/i18n"
)

// TestEveryTextIsInTheCatalogs names every catalog entry the exports and
// letters use: each must be in English, and the catalog check holds the
// other languages to it.
func TestEveryTextIsInTheCatalogs(t *testing.T) {
	cat := i18n.Builtin()
	var keys []string
	for k := range columns {
		keys = append(keys, "export.column."+k)
	}
	for name, l := range lists {
		keys = append(keys, "export.list."+name)
		for _, k := range append(l.keys, l.pdfKeys...) {
			if _, ok := columns[k]; !ok {
				t.Errorf("list %s: no column %q", name, k)
			}
		}
	}
	for _, k := range []string{"exported_on", "filters", "conference_line"} {
		keys = append(keys, "export."+k)
	}
	for _, k := range []string{"title", "salutation", "body", "request", "reference", "closing"} {
		keys = append(keys, "visa_letter."+k)
	}
	for _, k := range keys {
		if !cat.Has(k) {
			t.Errorf("the catalogs lack %s", k)
		}
	}
}
