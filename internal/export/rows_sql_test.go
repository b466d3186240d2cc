package export

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestSQLRowsStreamsACursor feeds the writers straight from a database
// cursor on both engines, as the export queries will.
func TestSQLRowsStreamsACursor(t *testing.T) {
	const n = 2000
	// A recursive CTE runs unchanged on both engines; NULL stands for a
	// missing acronym.
	query := fmt.Sprintf(`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < %d)
		SELECT 'منظمة ' || CAST(i AS TEXT), CASE WHEN i %% 2 = 0 THEN NULL ELSE '=1+' || CAST(i AS TEXT) END, i
		FROM seq ORDER BY i`, n)
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		open := func() Rows {
			t.Helper()
			sqlRows, err := db.SQL().QueryContext(ctx, query)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := SQLRows(sqlRows)
			if err != nil {
				t.Fatal(err)
			}
			return rows
		}
		sheet := orgSheet()

		var csvOut bytes.Buffer
		if err := WriteCSV(ctx, &csvOut, "en", sheet, open()); err != nil {
			t.Fatal(err)
		}
		records := readCSV(t, csvOut.Bytes())
		if len(records) != n+1 {
			t.Fatalf("%d records, want %d", len(records), n+1)
		}
		if got := records[7]; got[0] != "منظمة 7" || got[1] != "'=1+7" || got[2] != "7" {
			t.Errorf("row 7 = %q", got)
		}
		if got := records[8][1]; got != "" {
			t.Errorf("NULL came back as %q", got)
		}

		var xlsxOut bytes.Buffer
		if err := WriteXLSX(ctx, &xlsxOut, "ar", []SheetRows{{Sheet: sheet, Rows: open()}}); err != nil {
			t.Fatal(err)
		}
		assertNoFormulaElements(t, xlsxOut.Bytes())
	})
}
