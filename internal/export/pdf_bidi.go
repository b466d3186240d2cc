package export

import (
	gtbidi "github.com/go-text/typesetting/bidi"
	"golang.org/x/text/unicode/bidi"
)

// Direction is the base direction of a paragraph of text.
type Direction int

const (
	// AutoDirection takes the direction of the text's first letter with a
	// strong direction (rules P2 and P3 of the Unicode bidirectional
	// algorithm). Text with none is laid out left to right and aligned as
	// the text around it.
	AutoDirection Direction = iota
	LeftToRight
	RightToLeft
)

// resolve gives text's base direction under d, and whether d or a letter
// decided it. Text without letters (a number, a phone number, a date) is
// laid out left to right, since a right-to-left base would turn
// "+20 2 2794 1234" into "2794 1234 2 20+".
func (d Direction) resolve(text []rune) (rtl, strong bool) {
	switch d {
	case LeftToRight:
		return false, true
	case RightToLeft:
		return true, true
	}
	for _, r := range text {
		props, _ := bidi.LookupRune(r)
		switch props.Class() {
		case bidi.L:
			return false, true
		case bidi.R, bidi.AL:
			return true, true
		}
	}
	return false, false
}

// levelRun is a stretch of text at one embedding level: even levels run
// left to right, odd ones right to left.
type levelRun struct {
	start, end int
	level      int
}

// embeddingLevels runs the Unicode bidirectional algorithm over one
// paragraph. It uses go-text's implementation (the one its shaper uses)
// rather than golang.org/x/text/unicode/bidi, whose Ordering keeps only a
// direction per run: without the levels, a number inside an Arabic phrase
// inside an English line cannot be placed (rule L2 needs them).
func embeddingLevels(p *gtbidi.Paragraph, text []rune, rtl bool) []levelRun {
	dir := gtbidi.LeftToRight
	if rtl {
		dir = gtbidi.RightToLeft
	}
	runs := p.Segment(text, dir)
	out := make([]levelRun, 0, runs.NumRuns())
	for i := 0; i < runs.NumRuns(); i++ {
		r := runs.Run(i)
		out = append(out, levelRun{start: r.Start, end: r.End, level: int(r.Level)})
	}
	if len(out) == 0 && len(text) > 0 {
		level := 0
		if rtl {
			level = 1
		}
		out = append(out, levelRun{start: 0, end: len(text), level: level})
	}
	return out
}

// reorderVisual puts one line's pieces, given in logical order with their
// levels, into visual order, left to right (rule L2): from the highest
// level down to the lowest odd one, every maximal sequence at that level or
// above is reversed.
func reorderVisual[T any](pieces []T, level func(T) int) {
	if len(pieces) < 2 {
		return
	}
	highest, lowestOdd := 0, 1<<30
	for _, p := range pieces {
		l := level(p)
		highest = max(highest, l)
		if l%2 == 1 {
			lowestOdd = min(lowestOdd, l)
		}
	}
	for l := highest; l >= lowestOdd && l > 0; l-- {
		for i := 0; i < len(pieces); {
			if level(pieces[i]) < l {
				i++
				continue
			}
			j := i
			for j < len(pieces) && level(pieces[j]) >= l {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				pieces[a], pieces[b] = pieces[b], pieces[a]
			}
			i = j
		}
	}
}
