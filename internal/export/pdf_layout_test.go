package export

import (
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"
)

func testLayouter(t *testing.T) *layouter {
	t.Helper()
	d, err := NewDocument(io.Discard, DocumentOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return &d.text
}

// runTexts gives each run's text, runs in visual order.
func runTexts(line textLine) []string {
	var out []string
	for _, r := range line.runs {
		lo, hi := len(r.text), 0
		for _, g := range r.glyphs {
			lo = min(lo, g.TextIndex())
			hi = max(hi, g.TextIndex()+g.RunesCount())
		}
		out = append(out, strings.TrimSpace(string(r.text[lo:hi])))
	}
	return out
}

func TestReorderVisual(t *testing.T) {
	tests := []struct {
		levels []int
		want   string
	}{
		{[]int{0, 0, 0}, "abc"},
		{[]int{1, 1, 1}, "cba"},
		// An Arabic phrase with a number, inside an English line: the number
		// stays inside the phrase, which reads from the right.
		{[]int{0, 1, 2, 1, 0}, "adcbe"},
		// English inside an Arabic line.
		{[]int{1, 2, 2, 1}, "dbca"},
	}
	for _, tt := range tests {
		pieces := []byte("abcde"[:len(tt.levels)])
		idx := make([]int, len(pieces))
		for i := range idx {
			idx[i] = i
		}
		reorderVisual(idx, func(i int) int { return tt.levels[i] })
		got := make([]byte, len(idx))
		for i, k := range idx {
			got[i] = pieces[k]
		}
		if string(got) != tt.want {
			t.Errorf("levels %v: %s, want %s", tt.levels, got, tt.want)
		}
	}
}

func TestLayoutBidiOrder(t *testing.T) {
	l := testLayouter(t)
	tests := []struct {
		name, text string
		dir        Direction
		want       []string // runs, left to right
		alignRight bool
	}{
		{"english", "Transparency International", AutoDirection, []string{"Transparency International"}, false},
		{"arabic", "الجمعية المصرية للشفافية", AutoDirection, []string{"الجمعية المصرية للشفافية"}, true},
		{"number inside arabic inside english", "Members: الجمعية 2030 المصرية, Cairo", AutoDirection,
			[]string{"Members:", "المصرية", "2030", "الجمعية", ", Cairo"}, false},
		{"english inside arabic", "منظمة Transparency International في مصر", AutoDirection,
			[]string{"في مصر", "Transparency International", "منظمة"}, true},
		{"phone number stays left to right", "+20 2 2794 1234", AutoDirection, []string{"+20 2 2794 1234"}, false},
		{"forced direction", "abc", RightToLeft, []string{"abc"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := l.layout(tt.text, tt.dir, false, false, 1e9)
			if len(lines) != 1 {
				t.Fatalf("%d lines", len(lines))
			}
			if got := runTexts(lines[0]); !slices.Equal(got, tt.want) {
				t.Errorf("runs %q, want %q", got, tt.want)
			}
			if lines[0].alignRight != tt.alignRight {
				t.Errorf("alignRight = %v", lines[0].alignRight)
			}
		})
	}
	// A number alone in a right-to-left column reads left to right but sits
	// at the right like its neighbours.
	if lines := l.layout("12.50", AutoDirection, true, false, 1e9); !lines[0].alignRight {
		t.Error("a number among right-to-left text is not aligned right")
	}
}

func TestLayoutShapesArabic(t *testing.T) {
	l := testLayouter(t)
	// Three lams alone, then joined: joining forms are different glyphs.
	isolated := l.layout("ل ل ل", AutoDirection, false, false, 1e9)[0].runs[0].glyphs
	joined := l.layout("للل", AutoDirection, false, false, 1e9)[0].runs[0].glyphs
	if len(joined) != 3 {
		t.Fatalf("%d glyphs for three letters", len(joined))
	}
	if joined[0].GlyphID == joined[1].GlyphID || joined[1].GlyphID == joined[2].GlyphID || joined[0].GlyphID == isolated[0].GlyphID {
		t.Errorf("lam took the same glyph in every position: %v / %v", joined, isolated)
	}
	// Right to left: the first letter typed is drawn rightmost, last.
	if joined[2].TextIndex() != 0 {
		t.Errorf("visual order: rightmost glyph is cluster %d, want 0", joined[2].TextIndex())
	}
}

func TestLayoutWraps(t *testing.T) {
	l := testLayouter(t)
	text := strings.Repeat("الشفافية والنزاهة Transparency ", 20)
	const max = 20000 // 20 ems
	lines := l.layout(text, AutoDirection, false, false, max)
	if len(lines) < 5 {
		t.Fatalf("%d lines for 60 words in 20 ems", len(lines))
	}
	var words int
	for i, line := range lines {
		if line.width > max {
			t.Errorf("line %d is %.0f wide, over %d", i, line.width, max)
		}
		for _, s := range runTexts(line) {
			words += len(strings.Fields(s))
		}
	}
	if words != 60 {
		t.Errorf("%d words across lines, want 60", words)
	}
	// A word wider than the line is cut rather than overflowing.
	long := l.layout(strings.Repeat("x", 400), LeftToRight, false, false, max)
	if len(long) < 2 || long[0].width > max {
		t.Errorf("a long word gave %d lines, first %.0f wide", len(long), long[0].width)
	}
	// Each input line is a paragraph.
	if n := len(l.layout("one\ntwo\r\nthree", AutoDirection, false, false, max)); n != 3 {
		t.Errorf("%d lines for three paragraphs", n)
	}
}

func TestSubsetKeepsOnlyUsedOutlines(t *testing.T) {
	progs, err := loadFontPrograms()
	if err != nil {
		t.Fatal(err)
	}
	prog := progs[fontKey{arabic: true}]
	face, err := font.ParseTTF(strings.NewReader(string(prog.data)))
	if err != nil {
		t.Fatal(err)
	}
	alef, _ := face.NominalGlyph('ا')
	beh, _ := face.NominalGlyph('ب')
	sub, err := prog.tables.subset(map[int]bool{int(alef): true})
	if err != nil {
		t.Fatal(err)
	}
	if len(sub) >= len(prog.data)/2 {
		t.Errorf("subset is %d bytes of %d", len(sub), len(prog.data))
	}
	parsed, err := parseSFNT(sub)
	if err != nil {
		t.Fatalf("subset does not parse: %v", err)
	}
	if parsed.numGlyphs() != prog.tables.numGlyphs() {
		t.Errorf("glyph ids moved: %d glyphs, want %d", parsed.numGlyphs(), prog.tables.numGlyphs())
	}
	if s, e, _ := parsed.glyphRange(int(alef)); e <= s {
		t.Error("the used glyph lost its outline")
	}
	if s, e, _ := parsed.glyphRange(int(beh)); e != s {
		t.Error("an unused glyph kept its outline")
	}
	if _, err := font.ParseTTF(strings.NewReader(string(sub))); err != nil {
		t.Errorf("a font reader rejects the subset: %v", err)
	}
	if checksum(sub) != 0xB1B0AFBA {
		t.Errorf("whole-file checksum %#x, want 0xB1B0AFBA", checksum(sub))
	}
}
