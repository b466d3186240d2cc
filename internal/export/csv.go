package export

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
)

// utf8BOM makes spreadsheet programs read the file as UTF-8; without it
// Excel shows Arabic names as mojibake.
const utf8BOM = "\ufeff"

// csvFlushEvery is how many rows go out per flush: small enough that the
// client sees bytes at once, large enough that flushing costs nothing.
const csvFlushEvery = 256

// CSVContentType is the media type of WriteCSV's output.
const CSVContentType = "text/csv; charset=utf-8"

// WriteCSV writes sheet as RFC 4180 CSV: a BOM, the header row in locale,
// then every row of rows, each cell neutralised against formula injection.
// It flushes every few hundred rows, so a long list starts arriving before
// its last row is read.
func WriteCSV(ctx context.Context, w io.Writer, locale string, sheet Sheet, rows Rows) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return fmt.Errorf("csv %q: %w", sheet.Name, err)
	}
	cw := csv.NewWriter(w)
	// Records end in LF, which every spreadsheet reads: with CRLF endings
	// encoding/csv drops a lone carriage return inside a cell, so text would
	// not come back as it went in.
	cells := make([]string, len(sheet.Columns))
	if err := cw.Write(neutralizeRow(cells, sheet.headerRow(locale))); err != nil {
		return fmt.Errorf("csv %q header: %w", sheet.Name, err)
	}
	for n := 1; ; n++ {
		row, err := sheet.nextRow(ctx, rows, n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("csv: %w", err)
		}
		if err := cw.Write(neutralizeRow(cells, row)); err != nil {
			return fmt.Errorf("csv %q row %d: %w", sheet.Name, n, err)
		}
		if n%csvFlushEvery == 0 {
			if err := flushCSV(cw, w); err != nil {
				return fmt.Errorf("csv %q row %d: %w", sheet.Name, n, err)
			}
		}
	}
	if err := flushCSV(cw, w); err != nil {
		return fmt.Errorf("csv %q: %w", sheet.Name, err)
	}
	return nil
}

// neutralizeRow fills dst with row's cells neutralised. It copies because
// the row belongs to the cursor, which may still hold it.
func neutralizeRow(dst, row []string) []string {
	for i, cell := range row {
		dst[i] = Neutralize(cell)
	}
	return dst
}

func flushCSV(cw *csv.Writer, w io.Writer) error {
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return flush(w)
}
