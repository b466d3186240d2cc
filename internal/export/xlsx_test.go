package export

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func writeWorkbook(t *testing.T, locale string, sheets ...SheetRows) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(context.Background(), &buf, locale, sheets); err != nil {
		t.Fatal(err)
	}
	assertNoFormulaElements(t, buf.Bytes())
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// assertNoFormulaElements looks into the worksheets' XML itself: a formula
// is an <f> element, whatever a reader library makes of it.
func assertNoFormulaElements(t *testing.T, workbook []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		t.Fatalf("workbook is not a zip archive: %v", err)
	}
	sheets := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		sheets++
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f ")) {
			t.Errorf("%s holds a formula element", zf.Name)
		}
	}
	if sheets == 0 {
		t.Fatal("no worksheets in the archive")
	}
}

func TestWriteXLSXWorkbook(t *testing.T) {
	participants := Sheet{Name: "Participants: list [draft]", Columns: []Column{
		{Key: "name", Header: map[string]string{"en": "Name", "ar": "الاسم"}, Width: 30},
	}}
	f := writeWorkbook(t, "ar",
		SheetRows{Sheet: orgSheet(), Rows: SliceRows(orgRows())},
		SheetRows{Sheet: participants, Rows: SliceRows([][]string{{"ليلى أحمد"}, {"John Smith"}})},
	)

	sheets := f.GetSheetList()
	if len(sheets) != 2 || sheets[0] != "Accredited" || sheets[1] != "Participants  list  draft" {
		t.Fatalf("sheets = %q", sheets)
	}
	rows, err := f.GetRows("Accredited")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(orgRows()) {
		t.Fatalf("%d rows, want %d", len(rows), 1+len(orgRows()))
	}
	if rows[0][0] != "الاسم" || rows[0][2] != "Country" {
		t.Errorf("header = %q", rows[0])
	}
	if rows[1][0] != arabicName {
		t.Errorf("A2 = %q, want %q", rows[1][0], arabicName)
	}

	style, err := f.GetCellStyle("Accredited", "B1")
	if err != nil {
		t.Fatal(err)
	}
	if s, err := f.GetStyle(style); err != nil || s.Font == nil || !s.Font.Bold {
		t.Errorf("header style = %+v, %v; want bold", s, err)
	}
	panes, err := f.GetPanes("Accredited")
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes = %+v, want header row frozen", panes)
	}
	for col, want := range map[string]float64{"A": 40, "B": 40, "C": 12} {
		if w, err := f.GetColWidth("Accredited", col); err != nil || w != want {
			t.Errorf("column %s width = %v, %v; want %v", col, w, err, want)
		}
	}
	for _, name := range sheets {
		view, err := f.GetSheetView(name, 0)
		if err != nil {
			t.Fatal(err)
		}
		if view.RightToLeft == nil || !*view.RightToLeft {
			t.Errorf("sheet %q is not right-to-left for Arabic", name)
		}
	}
}

func TestWriteXLSXLeftToRightForOtherLocales(t *testing.T) {
	f := writeWorkbook(t, "fr", SheetRows{Sheet: orgSheet(), Rows: SliceRows(orgRows())})
	view, err := f.GetSheetView("Accredited", 0)
	if err != nil {
		t.Fatal(err)
	}
	if view.RightToLeft != nil && *view.RightToLeft {
		t.Error("French sheet is right-to-left")
	}
	if v, _ := f.GetCellValue("Accredited", "A1"); v != "Nom" {
		t.Errorf("A1 = %q, want the French header", v)
	}
}

func TestWriteXLSXNeutralizesFormulas(t *testing.T) {
	f := writeWorkbook(t, "en", SheetRows{Sheet: orgSheet(), Rows: SliceRows(orgRows())})
	rows, err := f.GetRows("Accredited")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for r, row := range rows {
		for c := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			formula, err := f.GetCellFormula("Accredited", cell)
			if err != nil || formula != "" {
				t.Errorf("%s has formula %q (%v)", cell, formula, err)
			}
			typ, _ := f.GetCellType("Accredited", cell)
			if typ != excelize.CellTypeInlineString {
				t.Errorf("%s has type %v, want an inline string", cell, typ)
			}
		}
		for _, inj := range injections {
			if row[0] == "'"+inj && row[1] == "'"+inj {
				found++
			}
		}
	}
	if found != len(injections) {
		t.Errorf("%d of %d injections read back as neutralised text", found, len(injections))
	}
}

func TestWriteXLSXRejectsBadInput(t *testing.T) {
	if err := WriteXLSX(context.Background(), io.Discard, "en", nil); err == nil {
		t.Error("no sheets: want an error")
	}
	bad := SheetRows{Sheet: orgSheet(), Rows: SliceRows([][]string{{"a", "b", "c", "d"}})}
	if err := WriteXLSX(context.Background(), io.Discard, "en", []SheetRows{bad}); err == nil || !strings.Contains(err.Error(), "4 cells for 3 columns") {
		t.Errorf("err = %v", err)
	}
}

// TestWriteXLSXMemoryStaysFlat: the workbook goes out as its rows come,
// so the heap grows by less than 16 MiB for 90,000 rows and for 900,000.
func TestWriteXLSXMemoryStaysFlat(t *testing.T) {
	for _, n := range []int{90_000, 900_000} {
		if testing.Short() && n > 100_000 {
			continue
		}
		probe := newHeapProbe()
		rows := generatedRows(n, func(i int) {
			if i%(n/10) == 0 {
				probe.sample()
			}
		})
		size := &sampledWriter{probe: probe}
		if err := WriteXLSX(context.Background(), size, "ar", []SheetRows{{Sheet: orgSheet(), Rows: rows}}); err != nil {
			t.Fatal(err)
		}
		probe.sample()
		t.Logf("xlsx: %d rows, %.1f MiB written, heap growth at peak %.2f MiB", n, float64(size.n)/(1<<20), probe.growthMiB())
		if probe.growthMiB() > 16 {
			t.Errorf("heap grew by %.1f MiB writing %d rows: not streaming", probe.growthMiB(), n)
		}
	}
}

// sampledWriter counts bytes and samples the heap every 256 KiB.
type sampledWriter struct {
	n     int64
	probe *heapProbe
}

func (w *sampledWriter) Write(p []byte) (int, error) {
	if w.n/(256<<10) != (w.n+int64(len(p)))/(256<<10) {
		w.probe.sample()
	}
	w.n += int64(len(p))
	return len(p), nil
}
