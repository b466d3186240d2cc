package memberimport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/accord-coalition/accord/internal/accord"
)

// Formats and the encodings a CSV file is read in.
const (
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"

	EncodingUTF8    = "utf-8"
	EncodingUTF8BOM = "utf-8-bom"
	EncodingUTF16LE = "utf-16le"
	EncodingUTF16BE = "utf-16be"
	EncodingCP1256  = "windows-1256"
	EncodingCP1252  = "windows-1252"
)

// Limits on what one file may hold.
const (
	// MaxFileBytes is the largest file accepted: 10 MiB, as for documents.
	MaxFileBytes = 10 << 20
	// MaxRows bounds the rows of one file, header excluded.
	MaxRows = 50000
	// maxUnzipped bounds what an XLSX file may expand to, against a
	// small file that unzips into gigabytes.
	maxUnzipped = 256 << 20
)

// sheet is a file's cells as text: the header row first, then each data
// row with its number in the spreadsheet (the header is row 1).
type sheet struct {
	Format   string
	Encoding string
	Header   []string
	Rows     []sheetRow
	// Serial says that numbers in date columns are spreadsheet day
	// numbers (XLSX stores dates so).
	Serial bool
}

type sheetRow struct {
	N     int
	Cells []string
}

var (
	magicZip = []byte("PK\x03\x04")
	magicOLE = []byte{0xD0, 0xCF, 0x11, 0xE0} // the old binary .xls
	bomUTF8  = []byte{0xEF, 0xBB, 0xBF}
)

// readSheet reads a CSV or XLSX file, by its content rather than its name.
func readSheet(data []byte) (*sheet, error) {
	switch {
	case len(data) == 0:
		return nil, accord.Invalid("the file is empty", accord.Field("file", "empty"))
	case bytes.HasPrefix(data, magicZip):
		return readXLSX(data)
	case bytes.HasPrefix(data, magicOLE):
		return nil, accord.Errorf(accord.KindUnsupported, "This is an old Excel file (.xls): save it as .xlsx or .csv and upload it again.")
	}
	text, enc, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	return readCSV(text, enc)
}

// decodeText turns a CSV file's bytes into UTF-8. A byte-order mark says
// the encoding; without one, valid UTF-8 is UTF-8, and anything else is
// the Windows code page a spreadsheet in Arabic writes (1256) or, when the
// high bytes do not read as Arabic letters there, the Western one (1252).
func decodeText(data []byte) (string, string, error) {
	var dec *encoding.Decoder
	enc := ""
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return string(data[len(bomUTF8):]), EncodingUTF8BOM, checkText(string(data[len(bomUTF8):]))
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		dec, enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder(), EncodingUTF16LE
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec, enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder(), EncodingUTF16BE
	case utf8.Valid(data):
		return string(data), EncodingUTF8, checkText(string(data))
	case looksArabic(data):
		dec, enc = charmap.Windows1256.NewDecoder(), EncodingCP1256
	default:
		dec, enc = charmap.Windows1252.NewDecoder(), EncodingCP1252
	}
	out, err := dec.Bytes(data)
	if err != nil {
		return "", "", accord.Errorf(accord.KindUnsupported, "The file could not be read as text (%s): save it as CSV UTF-8 or XLSX.", enc)
	}
	return string(out), enc, checkText(string(out))
}

// looksArabic reports whether most bytes above ASCII are Arabic letters
// when read as Windows-1256. French accented letters sit at the same
// places in 1256 and 1252, so a French file reads right either way.
func looksArabic(data []byte) bool {
	high, arabic := 0, 0
	for _, b := range data {
		if b < 0x80 {
			continue
		}
		high++
		if r := charmap.Windows1256.DecodeByte(b); r >= 0x0600 && r <= 0x06FF {
			arabic++
		}
	}
	return high > 0 && arabic*2 > high
}

// checkText refuses binary content: a PDF, an image, a zip that is not a
// workbook. Text has no NUL and few control characters.
func checkText(s string) error {
	control := 0
	for i, r := range s {
		if i > 64<<10 {
			break
		}
		if r == 0 {
			return notSpreadsheet()
		}
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' {
			control++
		}
	}
	if control > 8 {
		return notSpreadsheet()
	}
	return nil
}

func notSpreadsheet() error {
	return accord.Errorf(accord.KindUnsupported, "This file is not a spreadsheet: upload a CSV or XLSX file.")
}

// readCSV splits text on the separator its header line uses: a comma, a
// semicolon (what spreadsheets set to French or Spanish write) or a tab.
func readCSV(text, enc string) (*sheet, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = separator(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = false
	sh := &sheet{Format: FormatCSV, Encoding: enc}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := r.FieldPos(0)
			return nil, accord.Invalid("the CSV file could not be read", accord.Field("file", fmt.Sprintf("line %d: %v", line, err)))
		}
		line, _ := r.FieldPos(0)
		if err := sh.add(line, rec); err != nil {
			return nil, err
		}
	}
	return sh, nil
}

func separator(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	best, count := ',', strings.Count(first, ",")
	for _, c := range []rune{';', '\t'} {
		if n := strings.Count(first, string(c)); n > count {
			best, count = c, n
		}
	}
	return best
}

// readXLSX reads the workbook's first sheet, cells as stored (dates as day
// numbers), so that no display format changes what is read.
func readXLSX(data []byte) (*sheet, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzipped})
	if err != nil {
		return nil, accord.Errorf(accord.KindUnsupported, "This file is not an XLSX workbook we can read: save it as .xlsx or .csv and upload it again.")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, accord.Invalid("the workbook has no sheet", accord.Field("file", "no sheet"))
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return nil, accord.Invalid("the workbook could not be read", accord.Field("file", err.Error()))
	}
	defer rows.Close()
	sh := &sheet{Format: FormatXLSX, Serial: true}
	n := 0
	for rows.Next() {
		n++
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, accord.Invalid("the workbook could not be read", accord.Field("file", "row "+strconv.Itoa(n)+": "+err.Error()))
		}
		if err := sh.add(n, cells); err != nil {
			return nil, err
		}
	}
	return sh, nil
}

// add takes the first non-blank line as the header and the others as data
// rows; blank lines are skipped, but rows keep their spreadsheet number.
func (sh *sheet) add(n int, cells []string) error {
	blank := true
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
		if cells[i] != "" {
			blank = false
		}
	}
	if blank {
		return nil
	}
	if sh.Header == nil {
		sh.Header = cells
		return nil
	}
	if len(sh.Rows) >= MaxRows {
		return accord.Invalid("the file has too many rows", accord.Field("file", fmt.Sprintf("at most %d rows in one import", MaxRows)))
	}
	sh.Rows = append(sh.Rows, sheetRow{N: n, Cells: cells})
	return nil
}
