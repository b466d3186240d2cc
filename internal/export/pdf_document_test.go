package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode"
)

func TestPDFRejectsBadInputWithoutPanicking(t *testing.T) {
	newDoc := func(t *testing.T) *Document {
		t.Helper()
		d, err := NewDocument(io.Discard, DocumentOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	t.Run("not a PNG", func(t *testing.T) {
		if err := newDoc(t).Image([]byte("GIF89a…"), 50, 50); err == nil {
			t.Error("want an error")
		}
	})
	t.Run("image larger than the page", func(t *testing.T) {
		if err := newDoc(t).Image(testQR(t), 5000, 50); err == nil {
			t.Error("want an error")
		}
	})
	t.Run("table without columns", func(t *testing.T) {
		if err := newDoc(t).Table(context.Background(), "en", Sheet{}, SliceRows(nil)); err == nil {
			t.Error("want an error")
		}
	})
	t.Run("row that does not match the columns", func(t *testing.T) {
		d := newDoc(t)
		err := d.Table(context.Background(), "en", listSheet(), SliceRows([][]string{{"1"}}))
		if err == nil || !strings.Contains(err.Error(), "1 cells for 4 columns") {
			t.Fatalf("err = %v", err)
		}
		// The error sticks: the file is broken and must not be finished as if whole.
		if err2 := d.Close(); err2 == nil {
			t.Error("Close after a failed table returned nil")
		}
	})
	t.Run("client gone mid-table", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		rows := generatedRows(1000, func(i int) {
			if i == 50 {
				cancel()
			}
		})
		if err := newDoc(t).Table(ctx, "en", orgSheet(), rows); !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
	t.Run("writer fails", func(t *testing.T) {
		d, err := NewDocument(failingWriter{}, DocumentOptions{})
		if err == nil {
			err = d.Table(context.Background(), "en", orgSheet(), generatedRows(500, nil))
			if err == nil {
				err = d.Close()
			}
		}
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("err = %v, want the writer's error", err)
		}
	})
	t.Run("odd text", func(t *testing.T) {
		d := newDoc(t)
		for _, s := range []string{"", "\x00\x01\u2029\t", strings.Repeat("ﷺ", 300), "\u0651\u064e", "😀 emoji", "\U0010FFFF"} {
			if err := d.Paragraph(s, AutoDirection); err != nil {
				t.Errorf("Paragraph(%q): %v", s, err)
			}
		}
		if err := d.Close(); err != nil {
			t.Error(err)
		}
	})
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestPDFEmptyDocumentIsValid(t *testing.T) {
	var buf bytes.Buffer
	d, err := NewDocument(&buf, DocumentOptions{Title: "Empty"})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := d.AddPage(); err == nil {
		t.Error("AddPage after Close: want an error")
	}
	if n := pdfPages(t, buf.Bytes()); n != 1 {
		t.Errorf("%d pages, want 1", n)
	}
}

func TestPDFVowelMarksExtract(t *testing.T) {
	var buf bytes.Buffer
	d, err := NewDocument(&buf, DocumentOptions{Locale: "ar"})
	if err != nil {
		t.Fatal(err)
	}
	// Marks are glyphs of their own, lifted above their letters. pdftotext
	// keeps each word whole and every mark, but reverses a right-to-left
	// word character by character, so a mark comes out just before its
	// letter instead of after it; the letters' order is what is checked.
	const voweled = "مُنَظَّمَة الشَّفَافِيَة"
	_ = d.Paragraph(voweled, AutoDirection)
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	text := extractText(t, buf.Bytes(), 1, 0)
	if !strings.Contains(lettersOnly(text), lettersOnly(voweled)) {
		t.Errorf("pdftotext gave %q, want the letters of %q", text, voweled)
	}
	marks := func(s string) int {
		return len(strings.Map(func(r rune) rune {
			if unicode.Is(unicode.Mn, r) {
				return r
			}
			return -1
		}, s))
	}
	if marks(text) != marks(voweled) {
		t.Errorf("pdftotext gave %q: marks lost", text)
	}
	if len(strings.Fields(text)) != 3 { // two words and the page number
		t.Errorf("pdftotext split the words: %q", text)
	}
}

// TestPDFDocumentsInParallel: requests build documents at the same time,
// sharing the parsed fonts; run with -race.
func TestPDFDocumentsInParallel(t *testing.T) {
	for i := range 4 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			d, err := NewDocument(&buf, DocumentOptions{Locale: "ar"})
			if err != nil {
				t.Fatal(err)
			}
			if err := d.Table(context.Background(), "ar", listSheet(), SliceRows(listRows(60))); err != nil {
				t.Fatal(err)
			}
			if err := d.Close(); err != nil {
				t.Fatal(err)
			}
		})
	}
}
