package export

import (
	"context"
	"io"
	"runtime"
	"testing"
)

// TestWriteXLSXDoesNotReparseTheSheet: a worksheet's rows go from the
// cursor to the archive without being gathered, parsed back or copied
// cell by cell (excelize, which wrote the workbooks before, allocated some
// 10 KiB a row when a sheet was read back). What is allocated a row is the
// generated row's own text and little more: under 1 KiB.
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
	if perRow > 1<<10 {
		t.Errorf("%.0f bytes allocated a row: the worksheet is parsed back", perRow)
	}
}
