package export

import (
	"bytes"
	"strings"
	"testing"
)

// TestPDFCardsPlacedInAGrid draws badge-like cards at fixed places: each
// card's Arabic and Latin text comes back from pdftotext, each QR code is
// an image, and text too long for its card is cut at the card's foot.
func TestPDFCardsPlacedInAGrid(t *testing.T) {
	var buf bytes.Buffer
	d, err := NewDocument(&buf, DocumentOptions{Title: "Badges", Locale: "en"})
	if err != nil {
		t.Fatal(err)
	}
	area := d.ContentBox()
	cards := []struct{ latin, arabic string }{
		{"Laila Ahmed", "ليلى أحمد"},
		{"Omar Haddad", "عمر حداد"},
	}
	for i, c := range cards {
		box := Box{X: area.X + float64(i)*area.Width/2, Y: area.Y, Width: area.Width / 2, Height: 200}
		if err := d.Frame(box); err != nil {
			t.Fatal(err)
		}
		inner := box.Inset(10)
		h, err := d.TextIn(inner, c.latin, TextStyle{Size: 14, Bold: true, Align: AlignCenter})
		if err != nil || h <= 0 {
			t.Fatalf("TextIn: %v, height %g", err, h)
		}
		inner.Y += h
		h, _ = d.TextIn(inner, c.arabic, TextStyle{Size: 14, Align: AlignCenter})
		inner.Y += h
		if err := d.ImageIn(Box{X: inner.X, Y: inner.Y, Width: 60, Height: 60}, testQR(t)); err != nil {
			t.Fatal(err)
		}
	}
	// A box one line high keeps only the first line.
	tall := strings.Repeat("overflowing words ", 40) + "LASTWORD"
	if _, err := d.TextIn(Box{X: area.X, Y: 400, Width: 200, Height: 20}, tall, TextStyle{Size: 10}); err != nil {
		t.Fatal(err)
	}
	if err := d.ImageIn(Box{Width: 10, Height: 10}, []byte("not a png")); err == nil {
		t.Error("ImageIn took something that is not a PNG")
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	text := extractText(t, pdf, 1, 0)
	for _, c := range cards {
		for _, s := range []string{c.latin, c.arabic} {
			if !strings.Contains(text, s) {
				t.Errorf("pdftotext lost %q:\n%s", s, text)
			}
		}
	}
	if strings.Contains(text, "LASTWORD") {
		t.Error("text ran past the foot of its box")
	}
	if n := pdfImages(t, pdf); n != len(cards) {
		t.Errorf("%d images, want %d", n, len(cards))
	}
}
