package export

import (
	"bytes"
	"fmt"
	"math"
	"slices"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
)

// drawLine draws line with its left end at x and its baseline at y (PDF
// coordinates, from the page's bottom), at size points.
func (d *Document) drawLine(line textLine, x, y, size float64) {
	for _, run := range line.runs {
		d.drawRun(run, x, y, size)
		x += run.advance * size / 1000
	}
}

// drawRun writes one run as a TJ array of glyph ids. The PDF reader moves
// the pen by each glyph's width from the font's width array; where the
// shaper placed a glyph elsewhere (kerning, marks, Arabic's zero-width
// forms) a TJ adjustment moves it, and a text rise lifts marks.
func (d *Document) drawRun(run glyphRun, x, y, size float64) {
	if len(run.glyphs) == 0 {
		return
	}
	f := run.font
	d.useFont(f)
	registerText(run)
	b := &d.page.content
	size *= f.sizeScale
	fmt.Fprintf(b, "BT /%s %s Tf 1 0 0 1 %s %s Tm ", f.resName, pdfNum(size), pdfNum(x), pdfNum(y))
	var pdfPen, rise float64
	open := false
	for _, pg := range placeGlyphs(run) {
		if pg.yoff != rise {
			if open {
				b.WriteString("] TJ ")
				open = false
			}
			fmt.Fprintf(b, "%s Ts ", pdfNum(pg.yoff*size/1000))
			rise = pg.yoff
		}
		if !open {
			b.WriteString("[")
			open = true
		}
		if delta := pg.x - pdfPen; math.Abs(delta) >= 0.01 {
			// TJ numbers move the pen backwards, in thousandths of an em.
			b.WriteString(pdfNum(-delta))
		}
		writeGlyphID(b, pg.id)
		pdfPen = pg.x + f.width(pg.id)
	}
	if open {
		b.WriteString("] TJ ")
	}
	if rise != 0 {
		b.WriteString("0 Ts ")
	}
	b.WriteString("ET\n")
}

// placedGlyph is a glyph and where the shaper put it, in thousandths of
// an em from the run's left end.
type placedGlyph struct {
	id      font.GID
	x, yoff float64
}

// placeGlyphs positions the run's glyphs and orders them for drawing:
// clusters left to right, but within a right-to-left cluster the base
// letter before its marks, as they were typed. Text extractors read a
// word's characters in drawing order, and a mark drawn before its letter
// would come back before it.
func placeGlyphs(run glyphRun) []placedGlyph {
	out := make([]placedGlyph, 0, len(run.glyphs))
	pen := 0.0
	for i := 0; i < len(run.glyphs); {
		j := i
		for j < len(run.glyphs) && run.glyphs[j].TextIndex() == run.glyphs[i].TextIndex() {
			j++
		}
		start := len(out)
		for _, g := range run.glyphs[i:j] {
			// Glyph ids past 16 bits are the shaper's invisible glyphs:
			// only their advance counts.
			if g.GlyphID <= 0xFFFF {
				out = append(out, placedGlyph{id: g.GlyphID, x: pen + fromFixed(g.XOffset), yoff: fromFixed(g.YOffset)})
			}
			pen += fromFixed(g.Advance)
		}
		if run.rtl {
			slices.Reverse(out[start:])
		}
		i = j
	}
	return out
}

// registerText tells the run's font which text each drawn glyph stands
// for, for the ToUnicode map that lets readers copy and extract the text.
// A cluster whose glyphs and characters pair up one to one maps them
// pairwise (a letter and its vowel mark); otherwise its first glyph in
// logical order stands for the whole cluster (a lam-alef ligature).
func registerText(run glyphRun) {
	gs := run.glyphs
	for i := 0; i < len(gs); {
		j := i
		for j < len(gs) && gs[j].TextIndex() == gs[i].TextIndex() {
			j++
		}
		cluster := make([]shaping.Glyph, j-i)
		copy(cluster, gs[i:j])
		if run.rtl {
			for a, b := 0, len(cluster)-1; a < b; a, b = a+1, b-1 {
				cluster[a], cluster[b] = cluster[b], cluster[a]
			}
		}
		start := gs[i].TextIndex()
		end := min(start+max(gs[i].RunesCount(), 1), len(run.text))
		text := run.text[start:end]
		for k, g := range cluster {
			switch {
			case g.GlyphID > 0xFFFF:
			case len(cluster) == len(text):
				run.font.use(g.GlyphID, text[k:k+1])
			case k == 0:
				run.font.use(g.GlyphID, text)
			default:
				run.font.use(g.GlyphID, nil)
			}
		}
		i = j
	}
}

// useFont makes f available to the current page, numbering its object on
// first use in the document.
func (d *Document) useFont(f *docFont) {
	if f.obj == 0 {
		f.obj = d.pw.alloc()
	}
	d.page.fonts[f.resName] = f.obj
}

const hexDigits = "0123456789ABCDEF"

// writeGlyphID writes a glyph id as Identity-H's two-byte code in hex.
func writeGlyphID(b *bytes.Buffer, g font.GID) {
	b.Write([]byte{'<', hexDigits[g>>12&15], hexDigits[g>>8&15], hexDigits[g>>4&15], hexDigits[g&15], '>'})
}
