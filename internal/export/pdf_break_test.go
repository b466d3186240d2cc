package export

import (
	"strings"
	"testing"
)

// lineRange is the stretch of the paragraph a line holds, in logical order.
func lineRange(line textLine) (lo, hi int) {
	lo, hi = 1<<30, 0
	for _, r := range line.runs {
		for _, g := range r.glyphs {
			lo = min(lo, g.TextIndex())
			hi = max(hi, g.TextIndex()+max(g.RunesCount(), 1))
		}
	}
	return lo, hi
}

// TestLayoutBreaksBetweenWords: names wrap only at spaces and at hyphens
// between letters, in Latin and Arabic script, at every width where each
// word (or hyphenated part) fits on a line of its own.
func TestLayoutBreaksBetweenWords(t *testing.T) {
	l := testLayouter(t)
	for _, name := range []string{
		"Abdel-Rahman Al-Khatib",
		"Marie-Françoise Delacroix-Dupont",
		"Organisation marocaine des droits humains",
		"عبد الرحمن بن عبد العزيز الخطيب",
		"الجمعية اللبنانية لتعزيز الشفافية",
		"Abdel-Rahman عبد الرحمن",
	} {
		// The widest part a line may have to hold alone.
		widest := 0.0
		for _, part := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
			w := l.layout(part+"-", AutoDirection, false, false, 1e9)[0].width
			widest = max(widest, w)
		}
		text := []rune(name)
		for width := widest; width < widest*4; width += 150 {
			lines := l.layout(name, AutoDirection, false, false, width)
			for i, line := range lines[:len(lines)-1] {
				_, hi := lineRange(line)
				if hi >= len(text) {
					continue
				}
				if text[hi-1] != '-' && text[hi] != ' ' && text[hi-1] != ' ' {
					t.Errorf("%q at %.0f: line %d ends inside a word: %q | %q", name, width, i, string(text[:hi]), string(text[hi:]))
					break
				}
			}
		}
	}
	// A minus sign before a number, or a dash between words, is no hyphen.
	if breaksAfterHyphen([]rune("-2+3"), 0) || breaksAfterHyphen([]rune("a -b"), 2) || !breaksAfterHyphen([]rune("a-b"), 1) {
		t.Error("hyphens between letters only")
	}
}
