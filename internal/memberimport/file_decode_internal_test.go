package memberimport

import (
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// TestDecodeText reads the encodings spreadsheets write, by the bytes.
func TestDecodeText(t *testing.T) {
	const text = "الاسم;Pays\nجمعية;Société\n"
	utf16 := func(e unicode.Endianness) []byte {
		b, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cp1256, err := charmap.Windows1256.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	cp1252, _ := charmap.Windows1252.NewEncoder().Bytes([]byte("Nom;Pays\nSociété;Égypte\n"))
	for _, tc := range []struct {
		name, want, enc string
		data            []byte
	}{
		{"utf-8", text, EncodingUTF8, []byte(text)},
		{"utf-8 with bom", text, EncodingUTF8BOM, append([]byte{0xEF, 0xBB, 0xBF}, text...)},
		{"utf-16le", text, EncodingUTF16LE, utf16(unicode.LittleEndian)},
		{"utf-16be", text, EncodingUTF16BE, utf16(unicode.BigEndian)},
		{"windows-1256", text, EncodingCP1256, cp1256},
		{"windows-1252", "Nom;Pays\nSociété;Égypte\n", EncodingCP1252, cp1252},
	} {
		got, enc, err := decodeText(tc.data)
		if err != nil || got != tc.want || enc != tc.enc {
			t.Errorf("%s: got %q as %s (%v), want %q as %s", tc.name, got, enc, err, tc.want, tc.enc)
		}
	}
}

// TestReadHeader recognises each column in the four languages.
func TestReadHeader(t *testing.T) {
	for _, header := range [][]string{
		{"Name", "Name (English)", "Acronym", "Country", "City", "Registration No.", "E-mail", "Website", "Member since"},
		{"Nom", "Nom en anglais", "Sigle", "Pays", "Ville", "N° d'enregistrement", "Courriel", "Site web", "Membre depuis"},
		{"Nombre", "Nombre en inglés", "Siglas", "País", "Ciudad", "Número de registro", "Correo electrónico", "Sitio web", "Miembro desde"},
		{"اسم المنظمة", "الاسم بالانجليزية", "الاختصار", "الدولة", "المدينة", "رقم التسجيل", "البريد الالكتروني", "الموقع الإلكتروني", "تاريخ الانضمام"},
	} {
		l, err := readHeader(header)
		if err != nil {
			t.Errorf("%v: %v", header, err)
			continue
		}
		for i, col := range Columns {
			if l.index[col] != i {
				t.Errorf("%v: %s at %d, want %d (ignored %v)", header, col, l.index[col], i, l.ignored)
			}
		}
	}
}

func TestParseDate(t *testing.T) {
	want := time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"2015-03-01", "01/03/2015", "1/3/2015", "01.03.2015"} {
		if got, ok := parseDate(s, false); !ok || !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v %v", s, got, ok)
		}
	}
	if got, ok := parseDate("42064", true); !ok || !got.Equal(want) {
		t.Errorf("spreadsheet day 42064 = %v %v, want 2015-03-01", got, ok)
	}
	if _, ok := parseDate("42064", false); ok {
		t.Error("a number in a CSV file read as a date")
	}
	if got, ok := parseDate("2015", false); !ok || got.Year() != 2015 {
		t.Errorf("a year: %v %v", got, ok)
	}
}
