package report_test

import (
	"bytes"
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/i18n"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// rawCodes are values as the database stores them, which no export may
// show a reader: regions, ECOSOC statuses, states.
var rawCodes = []string{"MENA", "AFR", "AME", "special", "general", "none", "confirmed", "badge_issued",
	"checked_in", "accredited", "referred", "active", "suspended"}

// TestExportsNameCodesInTheirLanguage: every list, in every format and
// language, says a region, an ECOSOC status and a state in words, as the
// pages do.
func TestExportsNameCodesInTheirLanguage(t *testing.T) {
	withFixture(t, func(t *testing.T, e *env, f *fixture) {
		conf := "/conferences/CoSP11/exports/"
		files := []string{conf + "accredited", conf + "participants", conf + "circulation", "/members/export"}
		for _, locale := range []string{"ar", "fr", "en"} {
			for _, file := range files {
				for _, format := range []string{"csv", "xlsx"} {
					url := file + "." + format + "?lang=" + locale
					r := e.get(f.sec, url).want(t, url, http.StatusOK)
					var records [][]string
					if format == "csv" {
						records = readCSV(t, r)
					} else {
						wb, err := excelize.OpenReader(bytes.NewReader(r.body))
						if err != nil {
							t.Fatal(err)
						}
						records, err = wb.GetRows(wb.GetSheetName(0))
						wb.Close()
						if err != nil {
							t.Fatal(err)
						}
					}
					for _, rec := range records[1:] {
						for _, cell := range rec {
							if slices.Contains(rawCodes, cell) {
								t.Errorf("%s: a raw code %q in %q", url, cell, rec)
							}
						}
					}
				}
			}
		}
		// The names are the pages' names.
		ar := readCSV(t, e.get(f.sec, conf+"accredited.csv?lang=ar").want(t, "ar", http.StatusOK))
		if regions := column(t, ar, i18n.Builtin().T("ar", "export.column.region", nil)); !slices.Contains(regions, "الشرق الأوسط وشمال أفريقيا") {
			t.Errorf("Arabic regions %q", regions)
		}
		fr := readCSV(t, e.get(f.sec, conf+"circulation.csv?lang=fr").want(t, "fr", http.StatusOK))
		if states := column(t, fr, i18n.Builtin().T("fr", "export.column.state", nil)); !slices.Contains(states,
			i18n.Builtin().T("fr", "accreditation.state_referred", nil)) {
			t.Errorf("French states %q", states)
		}
		if ecosoc := column(t, fr, i18n.Builtin().T("fr", "export.column.ecosoc", nil)); !slices.Contains(ecosoc,
			i18n.Builtin().T("fr", "accreditation.ecosoc_none", nil)) {
			t.Errorf("French ECOSOC statuses %q", ecosoc)
		}
		part := readCSV(t, e.get(f.sec, conf+"participants.csv?lang=ar").want(t, "ar", http.StatusOK))
		if states := column(t, part, i18n.Builtin().T("ar", "export.column.state", nil)); !slices.Contains(states,
			i18n.Builtin().T("ar", "delegates.state_badge_issued", nil)) {
			t.Errorf("Arabic delegate states %q", states)
		}
	})
}

// TestCirculationPDFHasOneTablePerList: a second circulation is a table
// of its own under its number, numbered from 1 again.
func TestCirculationPDFHasOneTablePerList(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	f := e.fixture()
	deadline := e.Clock.Now().Add(time.Hour)
	if _, err := e.accr.CirculateScreened(context.Background(), f.sec.Actor(), f.conf.ID,
		accreditation.CirculationInput{ObjectionDeadline: &deadline}); err != nil {
		t.Fatalf("second circulation: %v", err)
	}
	for _, locale := range []string{"en", "ar", "fr"} {
		text := pdfText(t, e.get(f.sec, "/conferences/CoSP11/exports/circulation.pdf?lang="+locale).want(t, locale, http.StatusOK).body)
		first := i18n.Builtin().T(locale, "export.circulation_list", i18n.Args{"number": "1"})
		second := i18n.Builtin().T(locale, "export.circulation_list", i18n.Args{"number": "2"})
		header := i18n.Builtin().T(locale, "export.column.name_en", nil)
		a, b := strings.Index(text, first), strings.Index(text, second)
		if a < 0 || b < a {
			t.Fatalf("%s: no heading per list (%q, %q):\n%s", locale, first, second, text)
		}
		if n := strings.Count(text, header); n != 2 {
			t.Errorf("%s: %d table headers, want one per list:\n%s", locale, n, text)
		}
		jordan, lebanon := strings.Index(text, f.jordan.NameEN), strings.Index(text, "Lebanese Transparency")
		if !(a < jordan && jordan < b && b < lebanon) {
			t.Errorf("%s: Jordan at %d should be in list 1 (%d), Lebanon at %d in list 2 (%d):\n%s", locale, jordan, a, lebanon, b, text)
		}
	}
}

// TestBadgeKeepsEveryFieldOfALongName: a name on two lines makes the
// card's text smaller; the English name of the organisation and the
// country stay on the card.
func TestBadgeKeepsEveryFieldOfALongName(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	f := e.fixture()
	long := e.nominate(f.egypt, accreditation.DelegateInput{
		GivenName: "Abdel-Rahman Mohammed Abdel-Aziz", FamilyName: "Al-Khatib El-Husseini",
		GivenNameOriginal: "عبد الرحمن محمد عبد العزيز", FamilyNameOriginal: "الخطيب الحسيني",
		Nationality: "EG", PassportNumber: "C1234567"})
	e.fireDelegate(f.sec, long, "confirm")
	e.fireDelegate(f.sec, long, "issue_badge")
	for _, locale := range []string{"en", "ar"} {
		text := pdfText(t, e.get(f.sec, "/conferences/CoSP11/exports/badges.pdf?lang="+locale).want(t, locale, http.StatusOK).body)
		country := map[string]string{"en": "Egypt", "ar": "مصر"}[locale]
		for _, s := range []string{"Abdel-Rahman", "EL-HUSSEINI", "الحسيني"} {
			if !strings.Contains(text, s) {
				t.Errorf("%s: the badge lost %q:\n%s", locale, s, text)
			}
		}
		// Two Egyptian badges: each names the organisation in English and
		// the country.
		if n := strings.Count(text, f.egypt.NameEN); n != 2 {
			t.Errorf("%s: the English organisation name on %d of 2 badges:\n%s", locale, n, text)
		}
		if n := strings.Count(text, country); n < 2 {
			t.Errorf("%s: the country on %d of 2 badges:\n%s", locale, n, text)
		}
	}
}
