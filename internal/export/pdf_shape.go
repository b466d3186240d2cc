package export

import (
	"strings"
	"unicode"

	gtbidi "github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// shapeSize has the shaper measure in thousandths of an em, the unit of a
// PDF font's glyph space, so its numbers go into the file unchanged.
var shapeSize = fixed.I(1000)

var (
	langArabic  = language.NewLanguage("ar")
	langEnglish = language.NewLanguage("en")
)

// glyphRun is a piece of a line in one font and one direction, its glyphs
// in visual order (left to right) as the shaper returns them.
type glyphRun struct {
	font    *docFont
	glyphs  []shaping.Glyph
	text    []rune // the paragraph: glyphs' cluster indexes point into it
	rtl     bool
	level   int
	advance float64 // thousandths of an em of the line's size
}

// textLine is one line, ready to draw: runs left to right.
type textLine struct {
	runs  []glyphRun
	width float64 // thousandths of an em
	// alignRight is true for a right-to-left paragraph, and for one with no
	// letters (a number) set among right-to-left text.
	alignRight bool
}

// item is a stretch of a paragraph in one font at one embedding level,
// shaped as a whole so that letters join across it.
type item struct {
	start, end, level int
	font              *docFont
	out               shaping.Output
}

// layouter turns text into lines of shaped glyphs: bidirectional levels,
// a font per script, HarfBuzz shaping, line breaking at spaces, and visual
// reordering. It belongs to one document: faces and the shaper keep caches
// that are not safe to share.
type layouter struct {
	fonts  map[fontKey]*docFont
	shaper shaping.HarfbuzzShaper
	bidi   gtbidi.Paragraph
	cache  map[layoutKey][]textLine
}

type layoutKey struct {
	text     string
	bold     bool
	dir      Direction
	fallback bool
	maxWidth float64
}

const (
	// layoutCacheSize bounds the cache of laid-out texts. Lists repeat a
	// lot (country names, an organisation's name beside each of its
	// delegates), and shaping dominates the cost of a long PDF table.
	layoutCacheSize = 2048
	// Long texts (a letter's paragraphs) rarely repeat; keeping them out
	// bounds the cache's memory as well as its length.
	layoutCacheMaxText = 256
)

// layout breaks text into lines no wider than maxWidth thousandths of an
// em. Each line of the input is a paragraph of its own, its direction
// resolved on its own; fallbackRTL aligns a paragraph without letters to
// the right.
func (l *layouter) layout(text string, dir Direction, fallbackRTL, bold bool, maxWidth float64) []textLine {
	key := layoutKey{text, bold, dir, fallbackRTL, maxWidth}
	if lines, ok := l.cache[key]; ok {
		return lines
	}
	var lines []textLine
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		runes := sanitize(para)
		rtl, strong := dir.resolve(runes)
		for _, line := range l.layoutParagraph(runes, rtl, bold, maxWidth) {
			line.alignRight = rtl || !strong && fallbackRTL
			lines = append(lines, line)
		}
	}
	if len(text) <= layoutCacheMaxText {
		if len(l.cache) >= layoutCacheSize {
			clear(l.cache)
		}
		l.cache[key] = lines
	}
	return lines
}

// sanitize turns controls and separators, which would end a bidi
// paragraph or draw as boxes, into spaces.
func sanitize(s string) []rune {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			r = ' '
		}
		out = append(out, r)
	}
	return out
}

// isBreakSpace reports whether a line may break after r. No-break spaces
// are excluded on purpose.
func isBreakSpace(r rune) bool {
	return r == ' ' || r == '\u3000' || (r >= '\u2000' && r <= '\u200a' && r != '\u2007')
}

// layoutParagraph lays out one paragraph whose base direction is rtl.
func (l *layouter) layoutParagraph(text []rune, rtl, bold bool, maxWidth float64) []textLine {
	if len(text) == 0 {
		return []textLine{{}}
	}
	items := l.itemize(text, rtl, bold)
	// Each cluster's advance is booked on its first rune, so that the width
	// of any run of whole clusters is a sum over its runes.
	adv := make([]float64, len(text))
	clusterStart := make([]bool, len(text))
	for i := range items {
		scale := items[i].font.sizeScale
		for _, g := range items[i].out.Glyphs {
			adv[g.TextIndex()] += fromFixed(g.Advance) * scale
			clusterStart[g.TextIndex()] = true
		}
	}
	var lines []textLine
	for start := 0; start < len(text); {
		end := breakLine(text, adv, clusterStart, start, maxWidth)
		lines = append(lines, l.buildLine(text, start, end, items))
		start = end
	}
	return lines
}

// breakLine returns where the line starting at start ends: after the last
// space or hyphen that keeps it within maxWidth, or, only for a word longer
// than the whole line, at the last cluster that fits (at least one). A name
// never breaks inside a word ("Abdel-Rahm / an") while a whole word or a
// hyphenated part of one could go to the next line.
func breakLine(text []rune, adv []float64, clusterStart []bool, start int, maxWidth float64) int {
	width, lastBreak := 0.0, -1
	for i := start; i < len(text); i++ {
		if isBreakSpace(text[i]) {
			// Spaces may hang past the margin; they are not drawn at a line's end.
			width += adv[i]
			lastBreak = i + 1
			continue
		}
		if width+adv[i] > maxWidth && i > start && clusterStart[i] {
			if lastBreak > start {
				return lastBreak
			}
			return i
		}
		width += adv[i]
		if breaksAfterHyphen(text, i) {
			lastBreak = i + 1
		}
	}
	return len(text)
}

// breaksAfterHyphen reports whether a line may break after text[i]: a
// hyphen between two letters ("Abdel-Rahman", "Jean-Pierre"), not a
// minus sign before a number nor a hyphen that starts or ends a word.
func breaksAfterHyphen(text []rune, i int) bool {
	switch text[i] {
	case '-', '\u2010':
	default:
		return false
	}
	return i > 0 && i+1 < len(text) && unicode.IsLetter(text[i-1]) && unicode.IsLetter(text[i+1])
}

// itemize splits a paragraph where the embedding level or the font
// changes. Letters pick the font by script; digits, punctuation, spaces and
// marks stay in the font around them, so a run of Arabic is shaped whole.
func (l *layouter) itemize(text []rune, rtl, bold bool) []item {
	var items []item
	for _, run := range embeddingLevels(&l.bidi, text, rtl) {
		var cur *docFont
		start := run.start
		for i := run.start; i < run.end; i++ {
			f := l.scriptFont(text[i], bold)
			if f == nil {
				f = cur
			}
			if f == nil {
				f = l.nextScriptFont(text[i+1:run.end], bold, run.level%2 == 1)
			}
			if _, ok := f.face.NominalGlyph(text[i]); !ok {
				if other := l.fonts[fontKey{arabic: !f.arabic, bold: bold}]; other != nil {
					if _, ok := other.face.NominalGlyph(text[i]); ok {
						f = other
					}
				}
			}
			if f != cur {
				if cur != nil {
					items = append(items, l.shapeItem(text, start, i, run.level, cur))
				}
				cur, start = f, i
			}
		}
		if cur != nil {
			items = append(items, l.shapeItem(text, start, run.end, run.level, cur))
		}
	}
	return items
}

// scriptFont is the font for a letter, or nil for a character of no script.
func (l *layouter) scriptFont(r rune, bold bool) *docFont {
	switch {
	case unicode.Is(unicode.Arabic, r):
		return l.fonts[fontKey{arabic: true, bold: bold}]
	case unicode.IsLetter(r):
		return l.fonts[fontKey{arabic: false, bold: bold}]
	}
	return nil
}

// nextScriptFont is the font of the next letter in rest, or the one its
// direction suggests when no letter follows.
func (l *layouter) nextScriptFont(rest []rune, bold, rtl bool) *docFont {
	for _, r := range rest {
		if f := l.scriptFont(r, bold); f != nil {
			return f
		}
	}
	return l.fonts[fontKey{arabic: rtl, bold: bold}]
}

func (l *layouter) shapeItem(text []rune, start, end, level int, f *docFont) item {
	return item{start: start, end: end, level: level, font: f, out: l.shape(text, start, end, level%2 == 1, f)}
}

// shape shapes text[start:end], the rest of text serving as context so
// that letters at the edges take the right joining forms.
func (l *layouter) shape(text []rune, start, end int, rtl bool, f *docFont) shaping.Output {
	in := shaping.Input{
		Text: text, RunStart: start, RunEnd: end,
		Direction: di.DirectionLTR, Face: f.face, Size: shapeSize,
		Script: language.Latin, Language: langEnglish,
	}
	if rtl {
		in.Direction = di.DirectionRTL
	}
	if f.arabic {
		in.Script, in.Language = language.Arabic, langArabic
	}
	return l.shaper.ShapeNoExtents(in)
}

// buildLine gathers text[start:end] from the items, shaping again any
// item the line cuts, and puts the pieces in visual order.
func (l *layouter) buildLine(text []rune, start, end int, items []item) textLine {
	for end > start && isBreakSpace(text[end-1]) {
		end--
	}
	var line textLine
	for _, it := range items {
		a, b := max(start, it.start), min(end, it.end)
		if a >= b {
			continue
		}
		out := it.out
		if a != it.start || b != it.end {
			out = l.shape(text, a, b, it.level%2 == 1, it.font)
		}
		run := glyphRun{font: it.font, glyphs: out.Glyphs, text: text, rtl: it.level%2 == 1, level: it.level}
		for _, g := range out.Glyphs {
			run.advance += fromFixed(g.Advance)
		}
		run.advance *= it.font.sizeScale
		line.runs = append(line.runs, run)
		line.width += run.advance
	}
	reorderVisual(line.runs, func(r glyphRun) int { return r.level })
	return line
}

func fromFixed(v fixed.Int26_6) float64 { return float64(v) / 64 }
