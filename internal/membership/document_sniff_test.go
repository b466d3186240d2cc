package membership

import (
	"archive/zip"
	"bytes"
	"testing"
)

// ZipArchive builds a ZIP archive with the named entries, each a small XML
// part. It is exported for the API tests of package membership_test, which
// upload such archives; it exists only in test builds.
func ZipArchive(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte("<xml/>")); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSniffDocument(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string // "" for refused
	}{
		{"pdf", []byte("%PDF-1.4\n..."), TypePDF},
		{"png", []byte("\x89PNG\r\n\x1a\nrest"), TypePNG},
		{"jpeg", []byte("\xff\xd8\xff\xdbrest"), TypeJPEG},
		{"docx", ZipArchive(t, "[Content_Types].xml", "word/document.xml"), TypeDOCX},
		{"xlsx", ZipArchive(t, "[Content_Types].xml", "xl/workbook.xml"), ""},
		{"zip without content types", ZipArchive(t, "word/document.xml"), ""},
		{"truncated zip", ZipArchive(t, "[Content_Types].xml", "word/document.xml")[:30], ""},
		{"windows executable", []byte("MZ\x90\x00"), ""},
		{"elf executable", []byte("\x7fELF\x02\x01"), ""},
		{"gif", []byte("GIF89a"), ""},
		{"html", []byte("<html>%PDF-"), ""},
		{"empty", nil, ""},
		{"pdf magic cut short", []byte("%PDF"), ""},
	}
	for _, c := range cases {
		got, ok := sniffDocument(c.data)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s: sniffed %q %v, want %q", c.name, got, ok, c.want)
		}
	}
}

func TestSafeFilename(t *testing.T) {
	cases := []struct{ in, typ, want string }{
		{"statutes.pdf", TypePDF, "statutes.pdf"},
		{"Statutes.PDF", TypePDF, "Statutes.pdf"},
		{"photo.jpeg", TypeJPEG, "photo.jpg"},
		{"report.docx", TypePDF, "report.pdf"},
		{"../../etc/passwd", TypePNG, "passwd.png"},
		{`C:\Documents\النظام الأساسي.pdf`, TypePDF, "النظام الأساسي.pdf"},
		{"\u202efdp.exe", TypePDF, "fdp.pdf"},
		{"a\"b\r\nc.pdf", TypePDF, "abc.pdf"},
		{"", TypePDF, "document.pdf"},
		{"...", TypeDOCX, "document.docx"},
		{"   spaced    out   .pdf", TypePDF, "spaced out.pdf"},
	}
	for _, c := range cases {
		if got := safeFilename(c.in, c.typ); got != c.want {
			t.Errorf("safeFilename(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	long := safeFilename(string(bytes.Repeat([]byte("ن"), 400))+".pdf", TypePDF)
	if r := []rune(long); len(r) != maxFilenameLen+len(".pdf") {
		t.Errorf("a long name keeps %d characters", len(r))
	}
}
