package export

import (
	"bufio"
	"io"
	"strconv"
	"unicode/utf8"
)

// sheetXML writes one worksheet's XML to a buffer: cells as inline
// strings, rows numbered from 1. Errors stick in
// the buffer and come out of flush.
type sheetXML struct {
	w    *bufio.Writer
	cols []string // column letters
	n    int      // rows written
	num  []byte   // scratch for numbers
}

func newSheetXML(w *bufio.Writer, columns int) *sheetXML {
	s := &sheetXML{w: w, cols: make([]string, columns)}
	for i := range s.cols {
		s.cols[i] = columnName(i + 1)
	}
	return s
}

// columnName is the spreadsheet's name of column n (1 is A, 27 is AA).
func columnName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// start writes what precedes the rows: the view (right to left for
// Arabic, the header row frozen) and the columns' widths, which a
// worksheet must give before its data.
func (s *sheetXML) start(rtl, selected bool, columns []Column) {
	w := s.w
	w.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet ` + xlsxNS + ` ` + xlsxRelNS + `><sheetViews><sheetView`)
	if rtl {
		w.WriteString(` rightToLeft="1"`)
	}
	if selected {
		w.WriteString(` tabSelected="1"`)
	}
	w.WriteString(` workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
		`<sheetFormatPr defaultRowHeight="15"/><cols>`)
	for i, c := range columns {
		n := strconv.Itoa(i + 1)
		w.WriteString(`<col min="` + n + `" max="` + n + `" width="` +
			strconv.FormatFloat(c.width(), 'f', -1, 64) + `" customWidth="1"/>`)
	}
	w.WriteString(`</cols><sheetData>`)
}

// row writes one row of neutralised inline strings in cell format style
// (0 is the default). Empty cells are left out, as spreadsheets do.
func (s *sheetXML) row(cells []string, style int) {
	w := s.w
	s.n++
	s.num = strconv.AppendInt(s.num[:0], int64(s.n), 10)
	w.WriteString(`<row r="`)
	w.Write(s.num)
	w.WriteString(`">`)
	for i, v := range cells {
		if v == "" {
			continue
		}
		v = Neutralize(v)
		w.WriteString(`<c`)
		if i > 0 && cells[i-1] == "" {
			// A cell without a reference is the one after the previous
			// cell (ECMA-376 makes the reference optional), so only one
			// after a gap carries it. Row numbers in every cell's
			// reference made up half of the compressed sheet.
			w.WriteString(` r="`)
			w.WriteString(s.cols[i])
			w.Write(s.num)
			w.WriteString(`"`)
		}
		if style != 0 {
			w.WriteString(` s="`)
			w.WriteString(strconv.Itoa(style))
			w.WriteString(`"`)
		}
		if needsPreserve(v) {
			w.WriteString(` t="inlineStr"><is><t xml:space="preserve">`)
		} else {
			w.WriteString(` t="inlineStr"><is><t>`)
		}
		appendXMLText(w, v)
		w.WriteString(`</t></is></c>`)
	}
	w.WriteString(`</row>`)
}

func (s *sheetXML) end() { s.w.WriteString(`</sheetData></worksheet>`) }

func (s *sheetXML) flush() error { return s.w.Flush() }

// needsPreserve reports whether a reader would lose some of v's white
// space unless told to keep it: at either end, or a tab or line break.
func needsPreserve(v string) bool {
	if v[0] == ' ' || v[len(v)-1] == ' ' {
		return true
	}
	for i := 0; i < len(v); i++ {
		if v[i] == '\t' || v[i] == '\n' || v[i] == '\r' {
			return true
		}
	}
	return false
}

// xmlWriter is what appendXMLText writes to: a bufio.Writer or a
// strings.Builder.
type xmlWriter interface {
	io.StringWriter
}

// appendXMLText writes s escaped for XML text or an attribute value, runs
// of ordinary characters at once. A character XML 1.0 does not allow (a
// control character, U+FFFE, U+FFFF, or a byte that is not UTF-8)
// becomes U+FFFD, so that one odd cell never makes the workbook
// unreadable.
func appendXMLText(w xmlWriter, s string) {
	if plainXMLText(s) {
		w.WriteString(s)
		return
	}
	escapeXMLText(w, s)
}

// escapeXMLText writes s escaped, rune by rune.
func escapeXMLText(w xmlWriter, s string) {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		size := 1
		switch {
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '&':
			esc = "&amp;"
		case c == '"':
			esc = "&quot;"
		case c == '\r':
			// Kept as a reference: a raw one would be read back as \n.
			esc = "&#13;"
		case c < 0x20 && c != '\t' && c != '\n':
			esc = "\uFFFD"
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			size = n
			if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
				esc = "\uFFFD"
			}
		}
		if esc == "" {
			i += size
			continue
		}
		w.WriteString(s[start:i])
		w.WriteString(esc)
		i += size
		start = i
	}
	w.WriteString(s[start:])
}

// plainXMLText reports whether s goes into XML as it is: valid UTF-8 with
// no markup character, no control but tab and line feed, and no byte 0xEF,
// which leads U+FFFE and U+FFFF (and the rest of U+F000–U+FFFF, which
// then take the careful path). Most names are plain; checking first
// saves decoding every letter of an Arabic one.
func plainXMLText(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '<', c == '>', c == '&', c == '"', c == 0xEF:
			return false
		case c < 0x20 && c != '\t' && c != '\n':
			return false
		}
	}
	return utf8.ValidString(s)
}
