package export

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// sfnt is a TrueType file's table directory: enough to cut a subset.
type sfnt struct {
	data   []byte
	tables map[string][]byte
}

func parseSFNT(data []byte) (*sfnt, error) {
	if len(data) < 12 {
		return nil, errors.New("truetype: file too short")
	}
	if v := binary.BigEndian.Uint32(data); v != 0x00010000 && v != 0x74727565 {
		return nil, fmt.Errorf("truetype: not a TrueType outline font (version %#x)", v)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errors.New("truetype: table directory truncated")
	}
	s := &sfnt{data: data, tables: make(map[string][]byte, n)}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return nil, fmt.Errorf("truetype: table %q out of bounds", rec[:4])
		}
		s.tables[string(rec[:4])] = data[off : off+length]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if s.tables[tag] == nil {
			return nil, fmt.Errorf("truetype: no %s table", tag)
		}
	}
	if len(s.tables["head"]) < 54 || len(s.tables["maxp"]) < 6 {
		return nil, errors.New("truetype: head or maxp table truncated")
	}
	return s, nil
}

// bbox is the font's bounding box from its head table, in font units.
func (s *sfnt) bbox() [4]int16 {
	h := s.tables["head"]
	var b [4]int16
	for i := range b {
		b[i] = int16(binary.BigEndian.Uint16(h[36+2*i:]))
	}
	return b
}

func (s *sfnt) numGlyphs() int { return int(binary.BigEndian.Uint16(s.tables["maxp"][4:])) }

// glyphRange is where glyph g's outline lies in the glyf table.
func (s *sfnt) glyphRange(g int) (start, end int, err error) {
	loca := s.tables["loca"]
	long := binary.BigEndian.Uint16(s.tables["head"][50:]) == 1
	if long {
		if len(loca) < 4*(g+2) {
			return 0, 0, fmt.Errorf("truetype: loca too short for glyph %d", g)
		}
		start, end = int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:]))
	} else {
		if len(loca) < 2*(g+2) {
			return 0, 0, fmt.Errorf("truetype: loca too short for glyph %d", g)
		}
		start, end = 2*int(binary.BigEndian.Uint16(loca[2*g:])), 2*int(binary.BigEndian.Uint16(loca[2*g+2:]))
	}
	if start > end || end > len(s.tables["glyf"]) {
		return 0, 0, fmt.Errorf("truetype: glyph %d out of bounds", g)
	}
	return start, end, nil
}

// Composite glyph flags (OpenType glyf table).
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// components lists the glyphs a composite glyph is built from.
func components(outline []byte) ([]int, error) {
	if len(outline) < 10 || int16(binary.BigEndian.Uint16(outline)) >= 0 {
		return nil, nil // empty or simple glyph
	}
	var out []int
	for p := 10; ; {
		if p+4 > len(outline) {
			return nil, errors.New("truetype: composite glyph truncated")
		}
		flags := binary.BigEndian.Uint16(outline[p:])
		out = append(out, int(binary.BigEndian.Uint16(outline[p+2:])))
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			return out, nil
		}
	}
}

// subset returns a TrueType file holding only the outlines of glyphs used
// (and the glyphs they are built from, and .notdef). Glyph ids stay as they
// were, so the PDF can use them directly (CIDToGIDMap /Identity); unused
// glyphs are left empty, which costs four bytes each in the loca table
// instead of their outlines. Layout tables (GSUB, GPOS, GDEF) are dropped:
// shaping happened here, and the PDF draws glyphs by id.
func (s *sfnt) subset(used map[int]bool) ([]byte, error) {
	n := s.numGlyphs()
	keep := map[int]bool{0: true}
	queue := []int{0}
	for g := range used {
		if g < n && !keep[g] {
			keep[g] = true
			queue = append(queue, g)
		}
	}
	glyf := s.tables["glyf"]
	for len(queue) > 0 {
		g := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		start, end, err := s.glyphRange(g)
		if err != nil {
			return nil, err
		}
		comps, err := components(glyf[start:end])
		if err != nil {
			return nil, fmt.Errorf("glyph %d: %w", g, err)
		}
		for _, c := range comps {
			if c < n && !keep[c] {
				keep[c] = true
				queue = append(queue, c)
			}
		}
	}

	var newGlyf []byte
	newLoca := make([]byte, 4*(n+1))
	for g := 0; g < n; g++ {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if !keep[g] {
			continue
		}
		start, end, _ := s.glyphRange(g)
		newGlyf = append(newGlyf, glyf[start:end]...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))

	head := append([]byte(nil), s.tables["head"]...)
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1) // loca is now in the long format

	tables := map[string][]byte{
		"head": head, "hhea": s.tables["hhea"], "maxp": s.tables["maxp"], "hmtx": s.tables["hmtx"],
		"loca": newLoca, "glyf": newGlyf,
	}
	// The hinting programs run the hints; cmap, OS/2 and name are small and
	// some readers (and printer drivers) refuse a font without them.
	for _, tag := range []string{"cvt ", "fpgm", "prep", "cmap", "OS/2", "name"} {
		if t := s.tables[tag]; t != nil {
			tables[tag] = t
		}
	}
	// post keeps its header but drops the glyph names (version 3), which
	// are most of its size and which nothing here reads.
	if post := s.tables["post"]; len(post) >= 32 {
		post = append([]byte(nil), post[:32]...)
		binary.BigEndian.PutUint32(post, 0x00030000)
		tables["post"] = post
	}
	return writeSFNT(tables), nil
}

// writeSFNT lays tables out as a TrueType file, with the checksums readers
// may verify.
func writeSFNT(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	n := len(tags)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := 16 << entrySelector

	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-searchRange))
	headAt := 0
	for i, tag := range tags {
		t := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
