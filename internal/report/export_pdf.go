package report

import (
	"context"
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
	_ = doc.Table(ctx, e.locale, e.list.sheet(e.locale, e.list.pdfKeys), projectRows(rows, e.list.keys, e.list.pdfKeys))
	return doc.Close()
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
