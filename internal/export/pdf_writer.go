package export

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
)

// pdfWriter writes numbered PDF objects as they come and remembers only
// their offsets, which the cross-reference table at the end needs. Objects
// may be written in any order; a number is allocated first so that others
// can refer to an object not written yet (the page tree, the fonts).
type pdfWriter struct {
	dst     io.Writer
	buf     *bufio.Writer
	written int64
	offsets []int64 // by object number; 0 means allocated, not yet written
	err     error
	// One compressor serves every stream: a new one costs more to set up
	// than a page costs to compress.
	zbuf bytes.Buffer
	zw   *zlib.Writer
}

func newPDFWriter(w io.Writer) *pdfWriter {
	p := &pdfWriter{dst: w, offsets: []int64{0}}
	p.buf = bufio.NewWriterSize(countWriter{p}, 64<<10)
	// The comment's bytes above 127 tell transfer programs the file is binary.
	p.printf("%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n")
	return p
}

// countWriter counts what reaches the destination: object offsets must be
// exact byte positions in the file.
type countWriter struct{ p *pdfWriter }

func (c countWriter) Write(b []byte) (int, error) {
	n, err := c.p.dst.Write(b)
	c.p.written += int64(n)
	return n, err
}

func (p *pdfWriter) offset() int64 { return p.written + int64(p.buf.Buffered()) }

func (p *pdfWriter) printf(format string, args ...any) {
	if p.err != nil {
		return
	}
	_, p.err = fmt.Fprintf(p.buf, format, args...)
}

func (p *pdfWriter) write(b []byte) {
	if p.err != nil {
		return
	}
	_, p.err = p.buf.Write(b)
}

// alloc reserves an object number.
func (p *pdfWriter) alloc() int {
	p.offsets = append(p.offsets, 0)
	return len(p.offsets) - 1
}

// object writes object num holding body, a dictionary or array.
func (p *pdfWriter) object(num int, body string) {
	p.offsets[num] = p.offset()
	p.printf("%d 0 obj\n%s\nendobj\n", num, body)
}

// stream writes object num as a stream, compressed with Flate; dict holds
// the entries besides Length and Filter.
func (p *pdfWriter) stream(num int, dict string, data []byte) {
	p.zbuf.Reset()
	if p.zw == nil {
		p.zw = zlib.NewWriter(&p.zbuf)
	} else {
		p.zw.Reset(&p.zbuf)
	}
	if _, err := p.zw.Write(data); err != nil && p.err == nil {
		p.err = err
	}
	if err := p.zw.Close(); err != nil && p.err == nil {
		p.err = err
	}
	p.offsets[num] = p.offset()
	p.printf("%d 0 obj\n<< %s /Length %d /Filter /FlateDecode >>\nstream\n", num, dict, p.zbuf.Len())
	p.write(p.zbuf.Bytes())
	p.printf("\nendstream\nendobj\n")
}

// flush sends what is buffered on to the destination and, when it can,
// on to the client.
func (p *pdfWriter) flush() {
	if p.err != nil {
		return
	}
	if p.err = p.buf.Flush(); p.err == nil {
		p.err = flush(p.dst)
	}
}

// finish writes the cross-reference table and the trailer.
func (p *pdfWriter) finish(root, info int, id []byte) error {
	for num, off := range p.offsets[1:] {
		if off == 0 && p.err == nil {
			p.err = fmt.Errorf("pdf object %d allocated but never written", num+1)
		}
	}
	xref := p.offset()
	p.printf("xref\n0 %d\n0000000000 65535 f \n", len(p.offsets))
	for _, off := range p.offsets[1:] {
		p.printf("%010d 00000 n \n", off)
	}
	p.printf("trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%x> <%x>] >>\nstartxref\n%d\n%%%%EOF\n",
		len(p.offsets), root, info, id, id, xref)
	p.flush()
	return p.err
}

// pdfText encodes s as a PDF text string: UTF-16BE with a byte order mark,
// in hexadecimal so that no character needs escaping.
func pdfText(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfNum formats a coordinate compactly: two decimals are a hundredth of a
// point, far below what a printer shows.
func pdfNum(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}
