package export

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// cellPadding is the space between a cell's border and its text, in points.
const cellPadding = 3.5

// tableLayout is where a table's columns fall on the page.
type tableLayout struct {
	x, width   []float64 // each column's left edge and width, in points
	fallback   []bool    // whether text without letters aligns right, per column
	lineHeight float64
}

func (d *Document) tableLayout(sheet Sheet) tableLayout {
	t := tableLayout{lineHeight: lineHeightEm * tableSize}
	total := 0.0
	for _, c := range sheet.Columns {
		total += c.width()
	}
	edge := 0.0
	for _, c := range sheet.Columns {
		w := contentWidth() * c.width() / total
		x := margin + edge
		if d.rtl {
			// The first column sits at the right, where a right-to-left reader starts.
			x = pageWidth - margin - edge - w
		}
		t.x, t.width = append(t.x, x), append(t.width, w)
		t.fallback = append(t.fallback, c.RTL || d.rtl)
		edge += w
	}
	return t
}

// Table draws sheet's rows as a table with borders, its header row (in
// locale, bold, shaded) repeated at the top of every page it runs onto.
// Rows are drawn as they are read and pages written as they fill, so a
// 90,000-row list streams through in the memory of one page. Columns share
// the width between the margins in proportion to their Width; long text
// wraps within its cell.
func (d *Document) Table(ctx context.Context, locale string, sheet Sheet, rows Rows) error {
	if d.error() != nil {
		return d.error()
	}
	if len(sheet.Columns) == 0 {
		return errors.New("pdf table: no columns")
	}
	t := d.tableLayout(sheet)
	header := d.layoutRow(t, sheet.headerRow(locale), true, 0)
	headerHeight := rowHeight(t, header)
	// A row may fill a page below the header, and no more.
	maxLines := int((bottom() - margin - headerHeight - 2*cellPadding) / t.lineHeight)

	headerDrawn := false
	for n := 1; ; n++ {
		row, err := sheet.nextRow(ctx, rows, n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			d.err = fmt.Errorf("pdf table: %w", err)
			return d.err
		}
		cells := d.layoutRow(t, row, false, maxLines)
		height := rowHeight(t, cells)
		switch {
		case !headerDrawn:
			// The header goes where its first row fits too, never alone at
			// the foot of a page.
			d.ensureRoom(headerHeight + height)
			d.drawRow(t, header, true)
			headerDrawn = true
		case d.y+height > bottom():
			if err := d.AddPage(); err != nil {
				return err
			}
			d.drawRow(t, header, true)
		}
		d.drawRow(t, cells, false)
		if d.error() != nil {
			return d.error()
		}
	}
	if !headerDrawn { // an empty list still shows its columns
		d.ensureRoom(headerHeight)
		d.drawRow(t, header, true)
	}
	d.y += 0.6 * bodySize
	return d.error()
}

// layoutRow lays out each cell's text within its column, keeping at most
// maxLines lines per cell (0: no limit).
func (d *Document) layoutRow(t tableLayout, row []string, bold bool, maxLines int) [][]textLine {
	cells := make([][]textLine, len(row))
	for i, text := range row {
		inner := (t.width[i] - 2*cellPadding) * 1000 / tableSize
		lines := d.text.layout(text, AutoDirection, t.fallback[i], bold, inner)
		if maxLines > 0 && len(lines) > maxLines {
			lines = lines[:maxLines]
		}
		cells[i] = lines
	}
	return cells
}

func rowHeight(t tableLayout, cells [][]textLine) float64 {
	lines := 1
	for _, c := range cells {
		lines = max(lines, len(c))
	}
	return float64(lines)*t.lineHeight + 2*cellPadding
}

// drawRow draws one row at the current position: each cell's border (and
// shading for the header), then its lines, aligned to the start of their
// own direction, so an English name in an Arabic list still reads from the
// left.
func (d *Document) drawRow(t tableLayout, cells [][]textLine, header bool) {
	h := rowHeight(t, cells)
	top := pageHeight - d.y
	b := &d.page.content
	for i := range cells {
		rect := fmt.Sprintf("%s %s %s %s re", pdfNum(t.x[i]), pdfNum(top-h), pdfNum(t.width[i]), pdfNum(h))
		if header {
			fmt.Fprintf(b, "0.9 g %s f 0 g\n", rect)
		}
		fmt.Fprintf(b, "%s S\n", rect)
	}
	for i, lines := range cells {
		for k, line := range lines {
			x := t.x[i] + cellPadding
			if line.alignRight {
				x = t.x[i] + t.width[i] - cellPadding - line.width*tableSize/1000
			}
			y := top - cellPadding - float64(k)*t.lineHeight - baselineEm*tableSize
			d.drawLine(line, x, y, tableSize)
		}
	}
	d.y += h
}
