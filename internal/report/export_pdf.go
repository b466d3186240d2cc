package report

import (
	"context"
	"errors"
	"io"
	"slices"

	"github.com/accord-coalition/accord/internal/export"
	"github.com/accord-coalition/accord/internal/i18n"
)

// writeTablePDF writes the list as a document to read or print: its title,
// the conference, the filters and the day, then the rows as a table of the
// columns a page has room for.
func (e *Export) writeTablePDF(ctx context.Context, w io.Writer, rows export.Rows) error {
	title := e.list.title(e.locale)
	doc, err := export.NewDocument(w, export.DocumentOptions{Title: title, Locale: e.locale})
	if err != nil {
		return err
	}
	_ = doc.Heading(title)
	e.documentHeader(doc)
	sheet := e.list.sheet(e.locale, e.list.pdfKeys)
	if e.list.name != ListCirculation {
		_ = doc.Table(ctx, e.locale, sheet, projectRows(rows, e.list.keys, e.list.pdfKeys))
		return doc.Close()
	}
	// Each circulated list is a table of its own under its number: the
	// numbers on a list start again at 1, and one table running on from
	// list 1 into list 2 would read 1, 2, 1, 2.
	lists := &groupedRows{rows: rows, col: slices.Index(e.list.keys, "list")}
	for {
		number, ok, err := lists.nextGroup(ctx)
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		_ = doc.Heading(phrase("circulation_list", e.locale, "number", number))
		_ = doc.Table(ctx, e.locale, sheet, projectRows(lists, e.list.keys, e.list.pdfKeys))
	}
	if lists.groups == 0 { // nothing circulated: the columns, empty
		_ = doc.Table(ctx, e.locale, sheet, export.RowsFunc(func(context.Context) ([]string, error) { return nil, io.EOF }))
	}
	return doc.Close()
}

// groupedRows reads rows ordered by column col one group of equal values
// at a time: Next ends (io.EOF) where the value changes, and nextGroup
// moves on to the next group.
type groupedRows struct {
	rows    export.Rows
	col     int
	pending []string // the first row of the next group, read ahead
	value   string
	started bool // the group of value is being read
	done    bool
	groups  int
}

// nextGroup starts the next group and returns its value; ok is false
// when no rows are left.
func (g *groupedRows) nextGroup(ctx context.Context) (value string, ok bool, err error) {
	// Rows of the current group the caller did not read are skipped.
	for g.pending == nil && !g.done {
		if _, err := g.Next(ctx); err != nil && !errors.Is(err, io.EOF) {
			return "", false, err
		}
	}
	if g.pending == nil {
		return "", false, nil
	}
	g.value, g.started = g.pending[g.col], true
	g.groups++
	return g.value, true, nil
}

// Next returns the group's next row, or io.EOF at the group's end.
func (g *groupedRows) Next(ctx context.Context) ([]string, error) {
	if g.pending != nil {
		if !g.started {
			return nil, io.EOF
		}
		row := g.pending
		g.pending = nil
		return row, nil
	}
	if g.done {
		return nil, io.EOF
	}
	row, err := g.rows.Next(ctx)
	if errors.Is(err, io.EOF) {
		g.done = true
		return nil, io.EOF
	}
	if err != nil {
		return nil, err
	}
	// Rows may reuse their slice: keep a copy of the one read ahead.
	row = slices.Clone(row)
	if !g.started || row[g.col] != g.value {
		g.pending, g.started = row, false
		return nil, io.EOF
	}
	return row, nil
}

// documentHeader writes the conference's line, the filters and the day
// under a document's title. Errors stick to the document; Close returns
// them.
func (e *Export) documentHeader(doc *export.Document) {
	if c := e.conf; c != nil {
		_ = doc.Paragraph(phrase("conference_line", e.locale,
			"title", c.LocalTitle(e.locale), "code", c.Code, "venue", c.Venue,
			"start", i18n.FormatDate(e.locale, c.StartsOn.Time), "end", i18n.FormatDate(e.locale, c.EndsOn.Time)),
			export.AutoDirection)
	}
	if f := e.filterText(); f != "" {
		_ = doc.Paragraph(phrase("filters", e.locale, "filters", f), export.AutoDirection)
	}
	_ = doc.Paragraph(phrase("exported_on", e.locale, "date", i18n.FormatDate(e.locale, e.at)), export.AutoDirection)
}

// filterText names the filters set, with the columns' headers.
func (e *Export) filterText() string {
	var parts []string
	for _, f := range []struct{ key, value string }{
		{"state", e.filter.State}, {"region", e.filter.Region}, {"country_code", e.filter.Country},
	} {
		if f.value != "" {
			parts = append(parts, columns[f.key].HeaderText(e.locale)+": "+f.value)
		}
	}
	return i18n.JoinList(e.locale, parts)
}

// projectRows keeps the columns named by keep, in its order, of rows
// whose columns are all.
func projectRows(rows export.Rows, all, keep []string) export.Rows {
	idx := make([]int, len(keep))
	for i, k := range keep {
		idx[i] = slices.Index(all, k)
	}
	out := make([]string, len(keep))
	return export.RowsFunc(func(ctx context.Context) ([]string, error) {
		row, err := rows.Next(ctx)
		if err != nil {
			return nil, err
		}
		for i, j := range idx {
			out[i] = row[j]
		}
		return out, nil
	})
}
