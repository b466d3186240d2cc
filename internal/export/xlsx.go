package export

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

// XLSXContentType is the media type of WriteXLSX's output.
const XLSXContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// xlsxFlushEvery is how many rows go into the archive between two pushes
// to the client: some 400 KiB of XML, some 30 KiB compressed, a few
// milliseconds of work. Each push ends a deflate block and writes to the
// socket; every 256 rows that cost the export of 90,000 rows about a
// tenth of COPY's time for them (bench/README.md "Exports").
const xlsxFlushEvery = 1024

// WriteXLSX writes a workbook with one worksheet per list: a bold header row
// in locale, frozen so it stays in view, the columns' widths, and a
// right-to-left sheet view when locale is Arabic. Every cell is an inline
// string, never a formula or a number guessed from text, and is neutralised
// as in CSV so that a copy pasted elsewhere stays inert too.
//
// The workbook is a zip archive written straight to w, entry by entry:
// the fixed parts first, then each worksheet's XML compressed as its rows
// come from the cursor, pushed to the client every few hundred rows. A zip
// archive allows that (each entry's sizes follow its data, and the
// directory comes last), and so does the format with inline strings
// instead of the shared-strings table, which would have to be complete
// before the first sheet. Memory stays flat whatever the list's length.
// excelize, which wrote the workbooks before, builds the whole archive in
// memory before writing any of it (about 56 bytes a row) and lets nothing
// reach the client until the end; the format's few parts used here are
// written by hand below instead.
func WriteXLSX(ctx context.Context, w io.Writer, locale string, sheets []SheetRows) error {
	if len(sheets) == 0 {
		return errors.New("xlsx: no sheets")
	}
	names := sheetNames(sheets)
	a := newXLSXArchive(w)
	defer a.release()
	for _, p := range xlsxParts(names) {
		if err := a.writePart(p.name, p.body); err != nil {
			return err
		}
	}
	for i, s := range sheets {
		if err := a.writeSheet(ctx, i, names[i], locale, s); err != nil {
			return err
		}
	}
	if err := a.zw.Close(); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return flush(w)
}

// xlsxArchive is the zip archive being written, with the compressor of
// its current entry, which it flushes so that compressed bytes leave
// before the entry ends.
type xlsxArchive struct {
	out  io.Writer
	zw   *zip.Writer
	comp *flate.Writer
}

// compressors keeps deflate writers between entries and exports: a new
// one allocates about a megabyte of tables, which for a workbook's seven
// entries was two thirds of all an export allocated.
var compressors = sync.Pool{New: func() any {
	// The fastest compression: XML of repeated tags shrinks to about a
	// tenth even so, and the export keeps pace with the database's rows.
	fw, err := flate.NewWriter(io.Discard, flate.BestSpeed)
	if err != nil {
		panic(err) // only for a level out of range
	}
	return fw
}}

func newXLSXArchive(w io.Writer) *xlsxArchive {
	a := &xlsxArchive{out: w, zw: zip.NewWriter(w)}
	a.zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		// zip closes each entry's compressor before it creates the next,
		// so one writer, reset, serves them all.
		if a.comp == nil {
			a.comp = compressors.Get().(*flate.Writer)
		}
		a.comp.Reset(out)
		return a.comp, nil
	})
	return a
}

// release returns the compressor for the next export. Only a finished or
// abandoned archive releases it: zip no longer writes through it then.
func (a *xlsxArchive) release() {
	if a.comp != nil {
		a.comp.Reset(io.Discard)
		compressors.Put(a.comp)
		a.comp = nil
	}
}

func (a *xlsxArchive) create(name string) (io.Writer, error) {
	zf, err := a.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return nil, fmt.Errorf("xlsx part %s: %w", name, err)
	}
	return zf, nil
}

func (a *xlsxArchive) writePart(name, body string) error {
	zf, err := a.create(name)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(zf, body); err != nil {
		return fmt.Errorf("xlsx part %s: %w", name, err)
	}
	return nil
}

// push sends what the current entry holds so far to the client.
func (a *xlsxArchive) push() error {
	if a.comp != nil {
		if err := a.comp.Flush(); err != nil {
			return err
		}
	}
	if err := a.zw.Flush(); err != nil {
		return err
	}
	return flush(a.out)
}

// writeSheet writes worksheet i: its view, columns and header, then its
// rows as the cursor gives them.
func (a *xlsxArchive) writeSheet(ctx context.Context, i int, name, locale string, s SheetRows) error {
	zf, err := a.create(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1))
	if err != nil {
		return err
	}
	sw := newSheetXML(bufio.NewWriterSize(zf, 64<<10), len(s.Sheet.Columns))
	sw.start(locale == "ar", i == 0, s.Sheet.Columns)
	sw.row(s.Sheet.headerRow(locale), xlsxStyleHeader)
	for n := 1; ; n++ {
		row, err := s.Sheet.nextRow(ctx, s.Rows, n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
		sw.row(row, 0)
		if n%xlsxFlushEvery == 0 {
			if err := sw.flush(); err != nil {
				return fmt.Errorf("xlsx sheet %q row %d: %w", name, n, err)
			}
			if err := a.push(); err != nil {
				return fmt.Errorf("xlsx sheet %q row %d: %w", name, n, err)
			}
		}
	}
	sw.end()
	if err := sw.flush(); err != nil {
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
