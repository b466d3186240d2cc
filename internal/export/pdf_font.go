package export

import (
	"bytes"
	"embed"
	"fmt"
	"math"
	"sync"

	"github.com/go-text/typesetting/font"
)

// The fonts are Noto Sans for Latin, Cyrillic and Greek and Noto Naskh
// Arabic for Arabic, both under the SIL Open Font License (fonts/OFL.txt).
// They are embedded so that a PDF looks the same wherever the server runs,
// with no font installed on it.
//
//go:embed fonts/*.ttf
var fontFiles embed.FS

// fontKey picks one of the four embedded faces.
type fontKey struct {
	arabic, bold bool
}

const arabicSizeScale = 1.1

var fontFileNames = map[fontKey]string{
	{arabic: false, bold: false}: "fonts/NotoSans-Regular.ttf",
	{arabic: false, bold: true}:  "fonts/NotoSans-Bold.ttf",
	{arabic: true, bold: false}:  "fonts/NotoNaskhArabic-Regular.ttf",
	{arabic: true, bold: true}:   "fonts/NotoNaskhArabic-Bold.ttf",
}

// fontProgram is a parsed font file, shared by every document: a
// *font.Font is safe for concurrent use, unlike the faces made from it.
type fontProgram struct {
	name string // PostScript name, as the PDF names the font
	data []byte
	font *font.Font
	// Metrics in thousandths of an em, PDF's glyph space.
	scale                      float64 // 1000 / units per em
	ascent, descent, capHeight float64
	bbox                       [4]float64
	tables                     *sfnt // the file's tables, for subsetting
}

var loadFontPrograms = sync.OnceValues(func() (map[fontKey]*fontProgram, error) {
	progs := make(map[fontKey]*fontProgram, len(fontFileNames))
	for key, path := range fontFileNames {
		data, err := fontFiles.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", path, err)
		}
		face, err := font.ParseTTF(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", path, err)
		}
		p := &fontProgram{data: data, font: face.Font, scale: 1000 / float64(face.Upem())}
		p.name = postScriptName(face, path)
		if ext, ok := face.FontHExtents(); ok {
			p.ascent, p.descent = float64(ext.Ascender)*p.scale, float64(ext.Descender)*p.scale
		}
		p.capHeight = float64(face.LineMetric(font.CapHeight)) * p.scale
		if p.capHeight == 0 {
			p.capHeight = p.ascent * 0.7
		}
		if p.tables, err = parseSFNT(data); err != nil {
			return nil, fmt.Errorf("font %s: %w", path, err)
		}
		for i, v := range p.tables.bbox() {
			p.bbox[i] = float64(v) * p.scale
		}
		progs[key] = p
	}
	return progs, nil
})

// postScriptName is the font's name without spaces, as PDF names are.
func postScriptName(face *font.Face, path string) string {
	desc := face.Describe()
	name := desc.Family
	if name == "" {
		name = path
	}
	var b []byte
	for _, r := range name {
		if r > ' ' && r < 127 && r != '/' && r != '(' && r != ')' && r != '[' && r != ']' && r != '<' && r != '>' && r != '{' && r != '}' && r != '%' {
			b = append(b, byte(r))
		}
	}
	if desc.Aspect.Weight >= font.WeightBold {
		b = append(b, "-Bold"...)
	} else {
		b = append(b, "-Regular"...)
	}
	return string(b)
}

// docFont is one font as one document uses it: its face (with caches not
// to be shared across goroutines), the name pages refer to it by, and the
// glyphs drawn so far with the text each stands for, from which Close
// writes the subset, the widths and the ToUnicode map.
type docFont struct {
	prog   *fontProgram
	face   *font.Face
	arabic bool
	// sizeScale enlarges Naskh, whose letters look a size smaller than Noto
	// Sans's at the same point size, so that mixed lines look even.
	sizeScale float64
	resName   string // "F1"…, in page resources
	obj       int    // the Type0 font object; 0 until first drawn
	text      map[font.GID][]rune
	widths    map[font.GID]float64
}

func newDocFont(p *fontProgram, arabic bool, resName string) *docFont {
	scale := 1.0
	if arabic {
		scale = arabicSizeScale
	}
	return &docFont{
		prog: p, face: font.NewFace(p.font), arabic: arabic, sizeScale: scale, resName: resName,
		text: map[font.GID][]rune{}, widths: map[font.GID]float64{},
	}
}

// width is glyph g's advance in thousandths of an em, rounded as the PDF's
// width array will state it, so that positions computed here and by the
// reader agree.
func (f *docFont) width(g font.GID) float64 {
	if w, ok := f.widths[g]; ok {
		return w
	}
	w := math.Round(float64(f.face.HorizontalAdvance(g)) * f.prog.scale)
	f.widths[g] = w
	return w
}

// use records that glyph g was drawn for text; the first text wins, since a
// ToUnicode map gives one text per glyph.
func (f *docFont) use(g font.GID, text []rune) {
	if old, ok := f.text[g]; ok && len(old) > 0 {
		return
	}
	f.text[g] = append([]rune(nil), text...)
}
