// Package export writes the lists the secretariat takes away from Accord —
// accredited organisations, participants, circulation lists, badges, letters
// and the member directory — as CSV, XLSX and PDF.
//
// The writers only know columns and rows of text. The queries that feed them
// live with the capabilities that own the data; they hand a Rows cursor over,
// so that a database cursor streams straight into the response and memory
// stays flat however long the list is.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// Column describes one column of a list.
type Column struct {
	// Key names the column for code and is the header of last resort.
	Key string
	// Header holds the header text per locale ("ar", "en", "es", "fr").
	Header map[string]string
	// Width is the column width in characters, as spreadsheets count them.
	// PDF tables share the page width in proportion to it. Zero means 15.
	Width float64
	// RTL says the column mostly holds right-to-left text (names in Arabic):
	// in a PDF, a cell of it without letters (a number) aligns right like
	// its neighbours. Cells with letters follow their own direction.
	RTL bool
}

// Sheet is one list: a name (the worksheet's name in a workbook) and columns.
type Sheet struct {
	Name    string
	Columns []Column
}

// SheetRows pairs a sheet with the cursor that fills it, for workbooks
// holding several lists.
type SheetRows struct {
	Sheet Sheet
	Rows  Rows
}

// Rows is a cursor over a list's rows. Next returns the next row, one string
// per column, or io.EOF after the last one. A writer reads each row once and
// keeps none, so the slice returned may be reused by the next call.
type Rows interface {
	Next(ctx context.Context) ([]string, error)
}

// RowsFunc adapts a function to Rows, e.g. a closure over *sql.Rows.
type RowsFunc func(ctx context.Context) ([]string, error)

// Next calls f.
func (f RowsFunc) Next(ctx context.Context) ([]string, error) { return f(ctx) }

// SliceRows serves rows already in memory: small lists and tests.
func SliceRows(rows [][]string) Rows {
	i := 0
	return RowsFunc(func(context.Context) ([]string, error) {
		if i >= len(rows) {
			return nil, io.EOF
		}
		i++
		return rows[i-1], nil
	})
}

const defaultColumnWidth = 15

// HeaderText is the column's header in locale, falling back to English and
// then to the key, so that a missing translation never leaves a blank header.
func (c Column) HeaderText(locale string) string {
	if h := c.Header[locale]; h != "" {
		return h
	}
	if h := c.Header["en"]; h != "" {
		return h
	}
	return c.Key
}

func (c Column) width() float64 {
	if c.Width <= 0 {
		return defaultColumnWidth
	}
	return c.Width
}

// headerRow is the sheet's header row in locale.
func (s Sheet) headerRow(locale string) []string {
	row := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		row[i] = c.HeaderText(locale)
	}
	return row
}

// nextRow reads one row and checks it against the sheet, so that a query
// that drifted from its columns fails loudly instead of shifting cells.
func (s Sheet) nextRow(ctx context.Context, rows Rows, n int) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	row, err := rows.Next(ctx)
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("sheet %q row %d: %w", s.Name, n, err)
	}
	if len(row) != len(s.Columns) {
		return nil, fmt.Errorf("sheet %q row %d: %d cells for %d columns", s.Name, n, len(row), len(s.Columns))
	}
	return row, nil
}

// flush pushes buffered bytes to the client when w can do that (an HTTP
// response can), so the first rows arrive while later ones are still read.
func flush(w io.Writer) error {
	switch f := w.(type) {
	case interface{ Flush() error }:
		return f.Flush()
	case interface{ Flush() }:
		f.Flush()
	}
	return nil
}
