package membership

import (
	"archive/zip"
	"bytes"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Media types of the documents accepted.
const (
	TypePDF  = "application/pdf"
	TypePNG  = "image/png"
	TypeJPEG = "image/jpeg"
	TypeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)

// extensions are the file name endings served with each type, so a file
// saved from a download opens in the right program whatever it was called.
var extensions = map[string]string{TypePDF: ".pdf", TypePNG: ".png", TypeJPEG: ".jpg", TypeDOCX: ".docx"}

// sniffDocument decides a document's type from its bytes alone, and
// reports false for anything but PDF, PNG, JPEG and DOCX. The name a
// client gave and the type it claimed are never trusted: an executable
// called statutes.pdf is an executable.
func sniffDocument(data []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return TypePDF, true
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return TypePNG, true
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return TypeJPEG, true
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) && isDOCX(data):
		return TypeDOCX, true
	}
	return "", false
}

// isDOCX looks inside the ZIP container: a Word document has the package's
// [Content_Types].xml and its main part under word/. Any other ZIP (a
// spreadsheet, an archive of executables) is refused.
func isDOCX(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	contentTypes, word := false, false
	for _, f := range zr.File {
		switch {
		case f.Name == "[Content_Types].xml":
			contentTypes = true
		case strings.HasPrefix(f.Name, "word/"):
			word = true
		}
	}
	return contentTypes && word
}

// safeFilename keeps the last element of the name a client gave, without
// control characters, quotes or path separators, cut to a sensible
// length, and ending with the extension of the type the content has.
func safeFilename(name, contentType string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = path.Base(strings.TrimSpace(name))
	name = strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), r == '"', r == '/', unicode.Is(unicode.Cf, r):
			// Format characters include the bidi overrides that make
			// "fdp.exe" display as "exe.pdf".
			return -1
		}
		return r
	}, name)
	name = strings.Trim(strings.Join(strings.Fields(name), " "), ". ")
	// Whatever the client's name ended with, the extension is the
	// content's.
	base := strings.TrimRight(strings.TrimSuffix(name, path.Ext(name)), ". ")
	if base == "" {
		base = "document"
	}
	if r := []rune(base); len(r) > maxFilenameLen {
		base = string(r[:maxFilenameLen])
	}
	ext := extensions[contentType]
	return base + ext
}
