package export

import (
	"context"
	"io"
	"runtime"
	"testing"
)

// TestWriteXLSXDoesNotReparseTheSheet: a streamed worksheet must not be
// read back into memory before the workbook is written (excelize does
// that for SetActiveSheet, among others), which allocates some 10 KiB a
// row and holds the whole sheet parsed at once. Allocation per row stays
// a few KiB.
func TestWriteXLSXDoesNotReparseTheSheet(t *testing.T) {
	if raceDetector {
		t.Skip("allocation budgets do not hold under -race; the plain go test ./... checks this one")
	}
	const n = 20_000
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if err := WriteXLSX(context.Background(), io.Discard, "ar", []SheetRows{{Sheet: orgSheet(), Rows: generatedRows(n, nil)}}); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	perRow := float64(after.TotalAlloc-before.TotalAlloc) / n
	t.Logf("xlsx: %.0f bytes allocated a row", perRow)
	if perRow > 8<<10 {
		t.Errorf("%.0f bytes allocated a row: the worksheet is parsed back", perRow)
	}
}
