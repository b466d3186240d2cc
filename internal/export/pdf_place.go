package export

import "fmt"

// Box is a rectangle on the page, in points, measured from the page's
// top-left corner: what cards laid out in a grid (badges) are placed in,
// rather than flowing down the page as paragraphs and tables do.
type Box struct {
	X, Y, Width, Height float64
}

// Inset is the box shrunk by points on every side.
func (b Box) Inset(points float64) Box {
	return Box{X: b.X + points, Y: b.Y + points, Width: max(b.Width-2*points, 0), Height: max(b.Height-2*points, 0)}
}

// Align places each line of text within its box.
type Align int

const (
	// AlignStart aligns a line to the start of its own direction: the
	// right edge for Arabic, the left for Latin text.
	AlignStart Align = iota
	AlignCenter
)

// TextStyle is how TextIn sets text. A zero Size is the body size.
type TextStyle struct {
	Size  float64
	Bold  bool
	Align Align
}

// ContentBox is the part of a page between the margins, above the page
// number.
func (d *Document) ContentBox() Box {
	return Box{X: margin, Y: margin, Width: contentWidth(), Height: bottom() - margin}
}

// TextIn sets text inside box, wrapped to its width, from its top down,
// and returns the height it took. Lines that would pass the box's foot are
// left out, so a long name cannot run into the next card. It does not move
// the flow of paragraphs and tables.
func (d *Document) TextIn(box Box, text string, style TextStyle) (float64, error) {
	if err := d.placing(); err != nil {
		return 0, err
	}
	size := style.Size
	if size <= 0 {
		size = bodySize
	}
	lineHeight := lineHeightEm * size
	y := box.Y
	for _, line := range d.text.layout(text, AutoDirection, d.rtl, style.Bold, box.Width*1000/size) {
		if y+lineHeight > box.Y+box.Height+0.01 {
			break
		}
		width := line.width * size / 1000
		x := box.X
		switch {
		case style.Align == AlignCenter:
			x = box.X + (box.Width-width)/2
		case line.alignRight:
			x = box.X + box.Width - width
		}
		d.drawLine(line, x, pageHeight-y-baselineEm*size, size)
		y += lineHeight
	}
	return y - box.Y, d.error()
}

// TextHeight is the height TextIn would take to set text in a box width
// points wide with no limit on its height: what a card measures to make
// its fields smaller, rather than leave one out, when they do not all fit.
func (d *Document) TextHeight(width float64, text string, style TextStyle) float64 {
	size := style.Size
	if size <= 0 {
		size = bodySize
	}
	lines := d.text.layout(text, AutoDirection, d.rtl, style.Bold, width*1000/size)
	return float64(len(lines)) * lineHeightEm * size
}

// ImageIn draws a PNG (a QR code) filling box.
func (d *Document) ImageIn(box Box, pngData []byte) error {
	if err := d.placing(); err != nil {
		return err
	}
	if box.Width <= 0 || box.Height <= 0 || box.Width > pageWidth || box.Height > pageHeight {
		return fmt.Errorf("pdf image: %gx%g points does not fit a page", box.Width, box.Height)
	}
	img, err := decodePNG(pngData)
	if err != nil {
		return err
	}
	d.drawImage(img, box)
	return d.error()
}

// Frame draws box's outline in the thin grey of table borders: the cutting
// line of a card.
func (d *Document) Frame(box Box) error {
	if err := d.placing(); err != nil {
		return err
	}
	fmt.Fprintf(&d.page.content, "%s %s %s %s re S\n",
		pdfNum(box.X), pdfNum(pageHeight-box.Y-box.Height), pdfNum(box.Width), pdfNum(box.Height))
	return d.error()
}

// placing makes sure there is a page to place things on.
func (d *Document) placing() error {
	if d.error() != nil {
		return d.error()
	}
	if d.page == nil {
		return d.AddPage()
	}
	return nil
}
