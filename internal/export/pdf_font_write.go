package export

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/go-text/typesetting/font"
)

// write embeds the font as PDF's Type 0 composite font: a CIDFontType2
// (TrueType) descendant addressed by glyph id through Identity-H, a subset
// of the font file holding only the glyphs drawn, their widths, and a
// ToUnicode map from glyph to text. Drawing by glyph id is what lets shaped
// Arabic (joining forms, ligatures) reach the page; the ToUnicode map is
// what lets pdftotext and copy-paste give back the letters typed, not the
// shapes drawn.
func (f *docFont) write(pw *pdfWriter) error {
	gids := make([]font.GID, 0, len(f.text))
	used := make(map[int]bool, len(f.text))
	for g := range f.text {
		gids = append(gids, g)
		used[int(g)] = true
	}
	slices.Sort(gids)
	subset, err := f.prog.tables.subset(used)
	if err != nil {
		return err
	}
	name := subsetTag(gids) + "+" + f.prog.name
	cid, desc, file, toUnicode := pw.alloc(), pw.alloc(), pw.alloc(), pw.alloc()

	pw.object(f.obj, fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		name, cid, toUnicode))
	pw.object(cid, fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 0 /W %s /CIDToGIDMap /Identity >>",
		name, desc, f.widthArray(gids)))
	p := f.prog
	// Flag 4: symbolic, as a font addressed by glyph id is.
	pw.object(desc, fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [%s %s %s %s] /ItalicAngle 0 /Ascent %s /Descent %s /CapHeight %s /StemV 80 /FontFile2 %d 0 R >>",
		name, pdfNum(p.bbox[0]), pdfNum(p.bbox[1]), pdfNum(p.bbox[2]), pdfNum(p.bbox[3]),
		pdfNum(p.ascent), pdfNum(p.descent), pdfNum(p.capHeight), file))
	pw.stream(file, fmt.Sprintf("/Length1 %d", len(subset)), subset)
	pw.stream(toUnicode, "", f.toUnicode(gids))
	return pw.err
}

// widthArray states each used glyph's width, consecutive ids grouped.
func (f *docFont) widthArray(gids []font.GID) string {
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i < len(gids); {
		j := i + 1
		for j < len(gids) && gids[j] == gids[j-1]+1 {
			j++
		}
		fmt.Fprintf(&b, " %d [", gids[i])
		for _, g := range gids[i:j] {
			b.WriteString(" " + pdfNum(f.width(g)))
		}
		b.WriteString(" ]")
		i = j
	}
	b.WriteString(" ]")
	return b.String()
}

// toUnicode writes the CMap from glyph ids to UTF-16 text.
func (f *docFont) toUnicode(gids []font.GID) []byte {
	var entries []string
	for _, g := range gids {
		text := f.text[g]
		if len(text) == 0 {
			continue
		}
		var hex strings.Builder
		for _, u := range utf16.Encode(text) {
			fmt.Fprintf(&hex, "%04X", u)
		}
		entries = append(entries, fmt.Sprintf("<%04X> <%s>", uint32(g), hex.String()))
	}
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	// A bfchar block holds at most 100 entries.
	for len(entries) > 0 {
		n := min(len(entries), 100)
		fmt.Fprintf(&b, "%d beginbfchar\n%s\nendbfchar\n", n, strings.Join(entries[:n], "\n"))
		entries = entries[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}

// subsetTag is the six capital letters PDF puts before a subset font's
// name, derived from the glyphs it holds so that different subsets of one
// font get different names.
func subsetTag(gids []font.GID) string {
	h := fnv.New32a()
	for _, g := range gids {
		_, _ = h.Write([]byte{byte(g >> 8), byte(g)})
	}
	sum := h.Sum32()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(sum%26)
		sum /= 26
	}
	return string(tag)
}
