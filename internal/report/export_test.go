package report_test

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"io"
	"mime"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/accord-coalition/accord/internal/store/storetest"
)

// readCSV checks the BOM and the media type and returns the records.
func readCSV(t *testing.T, r res) [][]string {
	t.Helper()
	if ct := r.header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if !bytes.HasPrefix(r.body, []byte("\ufeff")) {
		t.Fatalf("no BOM: %q", r.body[:min(len(r.body), 20)])
	}
	records, err := csv.NewReader(bytes.NewReader(r.body[3:])).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v", err)
	}
	return records
}

// column returns the values of the column headed header.
func column(t *testing.T, records [][]string, header string) []string {
	t.Helper()
	i := slices.Index(records[0], header)
	if i < 0 {
		t.Fatalf("no column %q in %q", header, records[0])
	}
	var out []string
	for _, r := range records[1:] {
		out = append(out, r[i])
	}
	return out
}

// formulaStart is what a cell must not start with, unless it is a plain
// negative number.
var formulaStart = regexp.MustCompile(`^[=+\-@\t\r]`)

func assertNoFormulaCells(t *testing.T, records [][]string) {
	t.Helper()
	for _, rec := range records {
		for _, cell := range rec {
			if formulaStart.MatchString(cell) && !regexp.MustCompile(`^-\d+(\.\d+)?$`).MatchString(cell) {
				t.Errorf("cell %q starts like a formula", cell)
			}
		}
	}
}

func TestAccreditedExports(t *testing.T) {
	withFixture(t, func(t *testing.T, e *env, f *fixture) {
		base := "/conferences/" + f.conf.ID + "/exports/"
		admitted := []*org{f.egypt, f.hostile, f.jordan}

		t.Run("csv", func(t *testing.T) {
			r := e.get(f.sec, base+"accredited.csv").want(t, "accredited.csv", http.StatusOK)
			_, params, err := mime.ParseMediaType(r.header.Get("Content-Disposition"))
			if err != nil || params["filename"] != "CoSP11-accredited-2026-03-02.csv" {
				t.Errorf("Content-Disposition %q", r.header.Get("Content-Disposition"))
			}
			records := readCSV(t, r)
			if len(records) != 1+len(admitted) {
				t.Fatalf("%d records, want a header and %d rows: %q", len(records), len(admitted), records)
			}
			names, namesEN := column(t, records, "Name (original script)"), column(t, records, "Name in English")
			for _, o := range admitted {
				want, wantEN := o.Name, o.NameEN
				if o == f.hostile {
					want, wantEN = "'"+hostileName, "'"+hostileName
				}
				if !slices.Contains(names, want) || !slices.Contains(namesEN, wantEN) {
					t.Errorf("%s missing: %q / %q", o.NameEN, names, namesEN)
				}
			}
			for _, o := range []*org{f.morocco, f.lebanon, f.brazil} {
				if slices.Contains(namesEN, o.NameEN) {
					t.Errorf("%s listed but not accredited", o.NameEN)
				}
			}
			assertNoFormulaCells(t, records)
			// The same list in Arabic: headers and country names in Arabic.
			ar := readCSV(t, e.get(f.sec, base+"accredited.csv?lang=ar").want(t, "accredited.csv?lang=ar", http.StatusOK))
			if ar[0][0] != "الاسم بلغته الأصلية" || !slices.Contains(column(t, ar, "البلد"), "مصر") {
				t.Errorf("Arabic export: %q", ar)
			}
		})

		t.Run("xlsx", func(t *testing.T) {
			r := e.get(f.sec, base+"accredited.xlsx?lang=ar").want(t, "accredited.xlsx", http.StatusOK)
			if ct := r.header.Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
				t.Errorf("Content-Type %q", ct)
			}
			wb, err := excelize.OpenReader(bytes.NewReader(r.body))
			if err != nil {
				t.Fatalf("not a workbook: %v", err)
			}
			defer wb.Close()
			sheet := wb.GetSheetName(0)
			rows, err := wb.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			var cells []string
			for _, row := range rows {
				cells = append(cells, row...)
			}
			for _, o := range []*org{f.egypt, f.jordan} {
				if !slices.Contains(cells, o.Name) {
					t.Errorf("workbook lacks %q", o.Name)
				}
			}
			if !slices.Contains(cells, "'"+hostileName) {
				t.Errorf("the hostile name is not neutralised in the workbook")
			}
			if view, err := wb.GetSheetView(sheet, 0); err != nil || view.RightToLeft == nil || !*view.RightToLeft {
				t.Errorf("Arabic sheet is not right to left: %+v %v", view, err)
			}
			assertNoFormulas(t, r.body)
		})

		t.Run("pdf", func(t *testing.T) {
			r := e.get(f.sec, base+"accredited.pdf").want(t, "accredited.pdf", http.StatusOK)
			if ct := r.header.Get("Content-Type"); ct != "application/pdf" || !bytes.HasPrefix(r.body, []byte("%PDF-")) {
				t.Fatalf("not a PDF: %q %q", ct, r.body[:min(10, len(r.body))])
			}
			text := pdfText(t, r.body)
			for _, s := range []string{"الجمعية المصرية للشفافية", "Egyptian Association for Transparency",
				"الشبكة الأردنية للنزاهة", "Jordanian Integrity Network", "Accredited non-governmental organisations", "CoSP11"} {
				if !strings.Contains(text, s) {
					t.Errorf("pdftotext lost %q:\n%s", s, text)
				}
			}
			if strings.Contains(text, "Moroccan Governance Observatory") {
				t.Error("a referred organisation is on the accredited list")
			}
		})
	})
}

// assertNoFormulas fails if any worksheet of the workbook holds a formula.
func assertNoFormulas(t *testing.T, xlsx []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	sheets := 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") {
			continue
		}
		sheets++
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if regexp.MustCompile(`<f[ >]`).Match(b) {
			t.Errorf("%s holds a formula", f.Name)
		}
	}
	if sheets == 0 {
		t.Error("no worksheet in the workbook")
	}
}

// TestCompression: CSV streams through gzip for clients that accept it;
// workbooks and PDFs, compressed already, are sent as they are.
func TestCompression(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	f := e.fixture()
	base := "/conferences/CoSP11/exports/"
	r := e.get(f.sec, base+"participants.csv", "Accept-Encoding", "gzip").want(t, "csv", http.StatusOK)
	if r.header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("csv Content-Encoding %q", r.header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(bytes.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil || !bytes.HasPrefix(plain, []byte("\ufeffFamily name (passport)")) {
		t.Fatalf("gunzipped csv: %v %.60q", err, plain)
	}
	for _, file := range []string{"participants.xlsx", "participants.pdf"} {
		r := e.get(f.sec, base+file, "Accept-Encoding", "gzip").want(t, file, http.StatusOK)
		if ce := r.header.Get("Content-Encoding"); ce != "" {
			t.Errorf("%s compressed again: %q", file, ce)
		}
	}
}

func TestCirculationHoldsExactlyTheCirculatedRequests(t *testing.T) {
	withFixture(t, func(t *testing.T, e *env, f *fixture) {
		records := readCSV(t, e.get(f.sec, "/conferences/CoSP11/exports/circulation.csv").want(t, "circulation.csv", http.StatusOK))
		got := column(t, records, "Name in English")
		// On the list in the order of English names; Jordan admitted since,
		// Morocco referred: both stay what was sent.
		want := []string{f.jordan.NameEN, f.morocco.NameEN}
		if !slices.Equal(got, want) {
			t.Fatalf("circulated %q, want %q", got, want)
		}
		for header, want := range map[string][]string{
			"No. on list": {"1", "2"},
			"List":        {"1", "1"},
			"State":       {"Accredited", "Referred to the Conference"},
		} {
			if got := column(t, records, header); !slices.Equal(got, want) {
				t.Errorf("%s: %q, want %q", header, got, want)
			}
		}
		if d := column(t, records, "Objection deadline"); d[0] != "2026-03-02" {
			t.Errorf("objection deadline %q", d)
		}
		// Filtered by state.
		referred := readCSV(t, e.get(f.sec, "/conferences/CoSP11/exports/circulation.csv?state=referred").want(t, "filtered", http.StatusOK))
		if got := column(t, referred, "Name in English"); !slices.Equal(got, []string{f.morocco.NameEN}) {
			t.Errorf("referred only: %q", got)
		}
	})
}

func TestParticipantsAndBadges(t *testing.T) {
	withFixture(t, func(t *testing.T, e *env, f *fixture) {
		base := "/conferences/" + f.conf.Code + "/exports/"
		r := e.get(f.sec, base+"participants.csv").want(t, "participants.csv", http.StatusOK)
		if bytes.Contains(r.body, []byte(lailaPassport)) || bytes.Contains(r.body, []byte("B7654321")) {
			t.Error("the participants list holds a passport number")
		}
		records := readCSV(t, r)
		got := column(t, records, "Family name (passport)")
		slices.Sort(got)
		// Jordan's delegate is only nominated; Brazil's organisation is not
		// accredited.
		if want := []string{"'-2+3", "Ahmed", "Haddad"}; !slices.Equal(got, want) {
			t.Fatalf("participants %q, want %q", got, want)
		}
		if orig := column(t, records, "Given name (original script)"); !slices.Contains(orig, "ليلى") {
			t.Errorf("original-script names missing: %q", orig)
		}
		assertNoFormulaCells(t, records)

		for _, c := range []struct {
			query string
			want  []string
		}{
			{"?region=MENA", []string{"Ahmed", "Haddad"}},
			{"?country=ke", []string{"'-2+3"}},
			{"?state=badge_issued", []string{"Ahmed"}},
			{"?region=AME", nil},
		} {
			rec := readCSV(t, e.get(f.sec, base+"participants.csv"+c.query).want(t, c.query, http.StatusOK))
			got := column(t, rec, "Family name (passport)")
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("%s: %q, want %q", c.query, got, c.want)
			}
		}
		for _, bad := range []string{"?region=EUROPE", "?country=Egypt", "?state=nominated"} {
			e.get(f.sec, base+"participants.csv"+bad).want(t, bad, http.StatusUnprocessableEntity)
		}

		badges := readCSV(t, e.get(f.sec, base+"badges.csv").want(t, "badges.csv", http.StatusOK))
		if len(badges) != 2 || badges[1][0] != f.laila {
			t.Fatalf("badges: %q", badges)
		}
		if url := column(t, badges, "Badge verification link")[0]; !strings.HasPrefix(url, "http://accord.test/verify/") {
			t.Errorf("badge link %q", url)
		}
		pdf := e.get(f.sec, base+"badges.pdf?lang=ar").want(t, "badges.pdf", http.StatusOK)
		text := pdfText(t, pdf.body)
		for _, s := range []string{"Laila AHMED", "ليلى أحمد", "الجمعية المصرية للشفافية", "CoSP11"} {
			if !strings.Contains(text, s) {
				t.Errorf("badge lost %q:\n%s", s, text)
			}
		}
		if strings.Contains(text, "Haddad") {
			t.Error("a badge for a delegate whose badge was not issued")
		}
		part := pdfText(t, e.get(f.sec, base+"participants.pdf").want(t, "participants.pdf", http.StatusOK).body)
		for _, s := range []string{"List of participants", "Ahmed", "ليلى", "Haddad"} {
			if !strings.Contains(part, s) {
				t.Errorf("participants.pdf lost %q", s)
			}
		}
	})
}

func TestMembersExport(t *testing.T) {
	withFixture(t, func(t *testing.T, e *env, f *fixture) {
		records := readCSV(t, e.get(f.sec, "/members/export.csv").want(t, "members", http.StatusOK))
		if got := column(t, records, "Name in English"); len(got) != 2 || !slices.Contains(got, f.egypt.NameEN) {
			t.Fatalf("active members %q", got)
		}
		if got := column(t, records, "Email"); !slices.Contains(got, "office@eg.example.org") {
			t.Errorf("contacts missing: %q", got)
		}
		if got := column(t, records, "Phone"); got[0] != "'+20 2 2794 1234" {
			t.Errorf("a phone number that a spreadsheet would compute: %q", got)
		}
		suspended := readCSV(t, e.get(f.sec, "/members/export.csv?state=suspended").want(t, "suspended", http.StatusOK))
		if got := column(t, suspended, "Name in English"); !slices.Equal(got, []string{f.brazil.NameEN}) {
			t.Errorf("suspended members %q", got)
		}
		x := e.get(f.sec, "/members/export.xlsx").want(t, "members.xlsx", http.StatusOK)
		assertNoFormulas(t, x.body)
		e.get(f.sec, "/members/export.pdf").want(t, "members.pdf", http.StatusNotFound)
	})
}
