package export

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// PDFContentType is the media type of a Document's output.
const PDFContentType = "application/pdf"

// Page geometry and type sizes, in points. A4, since the coalition and the
// UN print on it.
const (
	pageWidth   = 595.28
	pageHeight  = 841.89
	margin      = 50.0
	footerSpace = 18.0
	bodySize    = 10.5
	headingSize = 16.0
	tableSize   = 9.0
	footerSize  = 8.0
	// Line height and the baseline's distance from a line's top, in ems:
	// Naskh's letters rise and fall further than Latin ones.
	lineHeightEm = 1.6
	baselineEm   = 1.12
)

// DocumentOptions set a document up.
type DocumentOptions struct {
	Title string
	// Locale is the document's language ("ar", "en", "es", "fr"). Arabic
	// lays pages out right to left: text starts at the right margin, table
	// columns run from the right, and viewers open it right to left.
	Locale string
}

// Document writes a PDF as it is built: each page goes out to the writer as
// soon as the next one starts, so a list of any length costs the memory of
// one page. Only what the end of the file needs is kept: page numbers for
// the page tree, and the glyphs used, for the embedded font subsets.
//
// Methods stop at the first error and return it again; Close returns it too.
type Document struct {
	pw      *pdfWriter
	text    layouter
	fonts   []*docFont
	rtl     bool
	locale  string
	catalog int
	info    int
	tree    int
	pages   []int
	page    *page
	y       float64 // top of the free space on the page, from the page's top
	images  int
	err     error
	closed  bool
}

// page is the page being filled.
type page struct {
	content bytes.Buffer
	fonts   map[string]int // resource name → font object
	images  map[string]int // resource name → image object
}

// NewDocument starts a PDF on w.
func NewDocument(w io.Writer, opts DocumentOptions) (*Document, error) {
	progs, err := loadFontPrograms()
	if err != nil {
		return nil, fmt.Errorf("pdf fonts: %w", err)
	}
	d := &Document{pw: newPDFWriter(w), rtl: opts.Locale == "ar", locale: opts.Locale}
	d.text.fonts = map[fontKey]*docFont{}
	d.text.cache = map[layoutKey][]textLine{}
	for i, key := range []fontKey{{false, false}, {false, true}, {true, false}, {true, true}} {
		f := newDocFont(progs[key], key.arabic, "F"+strconv.Itoa(i+1))
		d.fonts = append(d.fonts, f)
		d.text.fonts[key] = f
	}
	d.catalog, d.tree, d.info = d.pw.alloc(), d.pw.alloc(), d.pw.alloc()
	info := "<< /Producer (Accord)"
	if opts.Title != "" {
		info += " /Title " + pdfText(opts.Title)
	}
	d.pw.object(d.info, info+" >>")
	return d, d.error()
}

// contentWidth is the width between the margins.
func contentWidth() float64 { return pageWidth - 2*margin }

// bottom is the lowest the content may reach, from the page's top.
func bottom() float64 { return pageHeight - margin - footerSpace }

// AddPage ends the current page, if any, and starts a new one.
func (d *Document) AddPage() error {
	if d.error() != nil {
		return d.error()
	}
	if d.closed {
		return errors.New("pdf: document closed")
	}
	if d.page != nil {
		d.finishPage()
	}
	d.page = &page{fonts: map[string]int{}, images: map[string]int{}}
	d.y = margin
	// Thin grey rules for table borders, black text.
	d.page.content.WriteString("0.5 w 0.55 G 0 g\n")
	return d.error()
}

// ensureRoom starts a new page unless height points fit above the bottom
// margin. A fresh page takes anything, so nothing loops forever.
func (d *Document) ensureRoom(height float64) {
	if d.page == nil || (d.y+height > bottom() && d.y > margin) {
		_ = d.AddPage()
	}
}

// finishPage writes the page's number at its foot, then the page itself.
func (d *Document) finishPage() {
	num := len(d.pages) + 1
	// Laid out directly: page numbers never repeat, so caching them would
	// only push useful entries out.
	for _, line := range d.text.layoutParagraph([]rune(strconv.Itoa(num)), false, false, 1e6) {
		x := (pageWidth - line.width*footerSize/1000) / 2
		d.drawLine(line, x, margin/2, footerSize)
	}
	pg := d.page
	content, obj := d.pw.alloc(), d.pw.alloc()
	d.pw.stream(content, "", pg.content.Bytes())
	var res strings.Builder
	res.WriteString("<< /Font <<")
	for _, f := range d.fonts {
		if o, ok := pg.fonts[f.resName]; ok {
			fmt.Fprintf(&res, " /%s %d 0 R", f.resName, o)
		}
	}
	res.WriteString(" >>")
	if len(pg.images) > 0 {
		res.WriteString(" /XObject <<")
		for _, name := range slices.Sorted(maps.Keys(pg.images)) {
			fmt.Fprintf(&res, " /%s %d 0 R", name, pg.images[name])
		}
		res.WriteString(" >>")
	}
	res.WriteString(" >>")
	d.pw.object(obj, fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources %s /Contents %d 0 R >>",
		d.tree, pdfNum(pageWidth), pdfNum(pageHeight), res.String(), content))
	d.pages = append(d.pages, obj)
	d.page = nil
	d.pw.flush()
}

// error is the first error met, the writer's included.
func (d *Document) error() error {
	if d.err == nil && d.pw.err != nil {
		d.err = fmt.Errorf("pdf: %w", d.pw.err)
	}
	return d.err
}

// documentID identifies the file, as PDF asks; random, since two exports of
// one list are still two files.
func documentID() []byte {
	id := make([]byte, 16)
	_, _ = rand.Read(id)
	return id
}

// Heading writes a heading in bold, aligned to the start of its direction.
func (d *Document) Heading(text string) error {
	if d.page != nil && d.y > margin {
		d.y += 0.5 * headingSize
	}
	d.paragraph(text, AutoDirection, true, headingSize)
	d.y += 0.3 * headingSize
	return d.error()
}

// Paragraph writes text wrapped between the margins and aligned to the
// start of its direction: the right margin for right-to-left text. With
// AutoDirection the text decides; text without letters aligns with the
// document.
func (d *Document) Paragraph(text string, dir Direction) error {
	d.paragraph(text, dir, false, bodySize)
	d.y += 0.6 * bodySize
	return d.error()
}

// Space leaves points of vertical space, or ends the page if less is left.
func (d *Document) Space(points float64) error {
	if d.error() != nil || points <= 0 {
		return d.error()
	}
	if d.page == nil || d.y+points > bottom() {
		return d.AddPage()
	}
	d.y += points
	return d.error()
}

func (d *Document) paragraph(text string, dir Direction, bold bool, size float64) {
	if d.error() != nil {
		return
	}
	lineHeight := lineHeightEm * size
	for _, line := range d.text.layout(text, dir, d.rtl, bold, contentWidth()*1000/size) {
		d.ensureRoom(lineHeight)
		if d.error() != nil {
			return
		}
		x := margin
		if line.alignRight {
			x = pageWidth - margin - line.width*size/1000
		}
		d.drawLine(line, x, pageHeight-d.y-baselineEm*size, size)
		d.y += lineHeight
	}
}

// Close ends the last page and writes what the file's end needs: the
// fonts' subsets, the page tree and the cross-reference table. It does not
// close w.
func (d *Document) Close() error {
	if d.closed {
		return d.error()
	}
	if d.page == nil && d.err == nil {
		_ = d.AddPage() // a PDF needs at least one page
	}
	if d.error() != nil {
		d.closed = true
		return d.error()
	}
	d.finishPage()
	d.closed = true
	for _, f := range d.fonts {
		if f.obj != 0 {
			if err := f.write(d.pw); err != nil && d.err == nil {
				d.err = fmt.Errorf("pdf font %s: %w", f.prog.name, err)
			}
		}
	}
	kids := make([]string, len(d.pages))
	for i, p := range d.pages {
		kids[i] = strconv.Itoa(p) + " 0 R"
	}
	d.pw.object(d.tree, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(d.pages)))
	catalog := fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R", d.tree)
	if d.locale != "" {
		catalog += " /Lang " + pdfText(d.locale)
	}
	if d.rtl {
		catalog += " /ViewerPreferences << /Direction /R2L >>"
	}
	d.pw.object(d.catalog, catalog+" >>")
	if err := d.pw.finish(d.catalog, d.info, documentID()); err != nil && d.err == nil {
		d.err = fmt.Errorf("pdf: %w", err)
	}
	return d.error()
}
