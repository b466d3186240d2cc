package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// XLSXContentType is the media type of WriteXLSX's output.
const XLSXContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// WriteXLSX writes a workbook with one worksheet per list: a bold header row
// in locale, frozen so it stays in view, the columns' widths, and a
// right-to-left sheet view when locale is Arabic. Every cell is an inline
// string, never a formula or a number guessed from text, and is neutralised
// as in CSV so that a copy pasted elsewhere stays inert too.
//
// Rows go through excelize's stream writer, which moves them to a temporary
// file once they pass its in-memory threshold, so memory stays flat. A zip
// archive's directory comes last, so the workbook reaches w only when every
// row has been read.
func WriteXLSX(ctx context.Context, w io.Writer, locale string, sheets []SheetRows) error {
	if len(sheets) == 0 {
		return errors.New("xlsx: no sheets")
	}
	f := excelize.NewFile()
	// Close removes the stream writers' temporary files.
	defer func() { _ = f.Close() }()

	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("xlsx header style: %w", err)
	}
	names := sheetNames(sheets)
	for i, s := range sheets {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), names[0])
		} else {
			_, err = f.NewSheet(names[i])
		}
		if err != nil {
			return fmt.Errorf("xlsx sheet %q: %w", names[i], err)
		}
		if err := writeWorksheet(ctx, f, names[i], locale, s, bold); err != nil {
			return err
		}
	}
	// The first sheet is active already, as in every new workbook. Setting
	// it again (SetActiveSheet) would make excelize parse every streamed
	// worksheet back into memory, undoing the stream writer: hundreds of
	// megabytes for a long list.
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("xlsx write: %w", err)
	}
	return nil
}

func writeWorksheet(ctx context.Context, f *excelize.File, name, locale string, s SheetRows, headerStyle int) error {
	if locale == "ar" {
		rtl := true
		if err := f.SetSheetView(name, 0, &excelize.ViewOptions{RightToLeft: &rtl}); err != nil {
			return fmt.Errorf("xlsx sheet %q view: %w", name, err)
		}
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("xlsx sheet %q: %w", name, err)
	}
	// Widths and panes must precede the first row in a streamed sheet.
	for i, c := range s.Sheet.Columns {
		if err := sw.SetColWidth(i+1, i+1, c.width()); err != nil {
			return fmt.Errorf("xlsx sheet %q column %d width: %w", name, i+1, err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return fmt.Errorf("xlsx sheet %q panes: %w", name, err)
	}

	cells := make([]any, len(s.Sheet.Columns))
	for i, h := range s.Sheet.headerRow(locale) {
		cells[i] = excelize.Cell{StyleID: headerStyle, Value: Neutralize(h)}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return fmt.Errorf("xlsx sheet %q header: %w", name, err)
	}
	for n := 1; ; n++ {
		row, err := s.Sheet.nextRow(ctx, s.Rows, n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
		for i, v := range row {
			cells[i] = Neutralize(v)
		}
		cell, err := excelize.CoordinatesToCellName(1, n+1)
		if err != nil {
			return fmt.Errorf("xlsx sheet %q row %d: %w", name, n, err)
		}
		if err := sw.SetRow(cell, cells); err != nil {
			return fmt.Errorf("xlsx sheet %q row %d: %w", name, n, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("xlsx sheet %q: %w", name, err)
	}
	return nil
}

// sheetNames makes valid, distinct worksheet names: at most 31 characters,
// none of : \ / ? * [ ], not empty, and unique ignoring case, as Excel
// requires.
func sheetNames(sheets []SheetRows) []string {
	names := make([]string, len(sheets))
	seen := map[string]bool{}
	for i, s := range sheets {
		base := strings.Map(func(r rune) rune {
			if strings.ContainsRune(`:\/?*[]`, r) || r < ' ' {
				return ' '
			}
			return r
		}, s.Sheet.Name)
		base = strings.Trim(strings.TrimSpace(base), "'")
		if base == "" {
			base = fmt.Sprintf("Sheet%d", i+1)
		}
		name := truncateRunes(base, 31)
		for k := 2; seen[strings.ToLower(name)]; k++ {
			suffix := fmt.Sprintf(" (%d)", k)
			name = truncateRunes(base, 31-len(suffix)) + suffix
		}
		seen[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
