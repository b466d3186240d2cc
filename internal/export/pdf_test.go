package export

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
)

// listNames are organisations as they appear in accreditation lists: the
// name in its own script beside the English one.
var listNames = [][2]string{
	{"الجمعية المصرية للشفافية", "Egyptian Association for Transparency"},
	{"الشبكة العربية لمكافحة الفساد", "Arab Anti-Corruption Network"},
	{"جمعية النزاهة 2030", "Integrity Association 2030"},
	{"Transparência Brasil", "Transparency Brazil"},
	{"Transparency International Kenya", "Transparency International Kenya"},
}

func listSheet() Sheet {
	return Sheet{Name: "Accredited", Columns: []Column{
		{Key: "no", Header: map[string]string{"en": "No.", "ar": "الرقم"}, Width: 6},
		{Key: "name", Header: map[string]string{"en": "Name", "ar": "الاسم"}, Width: 40, RTL: true},
		{Key: "name_en", Header: map[string]string{"en": "Name in English", "ar": "الاسم بالإنجليزية"}, Width: 40},
		{Key: "country", Header: map[string]string{"en": "Country", "ar": "البلد"}, Width: 14},
	}}
}

func listRows(n int) [][]string {
	countries := []string{"مصر", "الأردن", "المغرب", "Brazil", "Kenya"}
	rows := make([][]string, n)
	for i := range rows {
		name := listNames[i%len(listNames)]
		rows[i] = []string{fmt.Sprint(i + 1), name[0], name[1], countries[i%len(countries)]}
	}
	return rows
}

func writeListPDF(t *testing.T, locale string, rows [][]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	d, err := NewDocument(&buf, DocumentOptions{Title: "Accredited organisations", Locale: locale})
	if err != nil {
		t.Fatal(err)
	}
	_ = d.Heading("المنظمات غير الحكومية المعتمدة")
	_ = d.Paragraph("Conference of the States Parties, eleventh session. The list of non-governmental organisations admitted under rule 17.", AutoDirection)
	if err := d.Table(context.Background(), locale, listSheet(), SliceRows(rows)); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPDFListExtractsArabicAndEnglish(t *testing.T) {
	pdf := writeListPDF(t, "ar", listRows(120))
	text := extractText(t, pdf, 1, 0)
	// Names in one script come back whole and in logical order. pdftotext
	// places a number inside right-to-left text by its own reckoning of the
	// page's direction ("2030 جمعية النزاهة" on a page of mostly Latin
	// text), so for that name the words are checked, not the number's place.
	for _, s := range []string{
		"الجمعية المصرية للشفافية", "Egyptian Association for Transparency",
		"الشبكة العربية لمكافحة الفساد", "Arab Anti-Corruption Network",
		"جمعية النزاهة", "Integrity Association 2030",
		"Transparência Brasil", "Transparency International Kenya",
		"المنظمات غير الحكومية المعتمدة", "admitted under rule 17", "الاسم بالإنجليزية", "الأردن",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("pdftotext lost %q", s)
		}
	}
	if pages := pdfPages(t, pdf); pages < 3 {
		t.Fatalf("120 rows took %d pages, want several", pages)
	}
	// The header row comes again at the top of later pages.
	if page3 := extractText(t, pdf, 3, 3); !strings.Contains(page3, "الاسم بالإنجليزية") {
		t.Errorf("page 3 has no header row:\n%s", page3)
	}
	renderPage(t, pdf, "pdf-arabic-list.png")
}

func TestPDFLetters(t *testing.T) {
	letters := map[string]struct {
		locale, png string
		paras       []string
	}{
		"arabic": {"ar", "pdf-letter-ar.png", []string{
			"القاهرة، 12 أيار/مايو 2025",
			"إلى من يهمه الأمر",
			"تشهد أمانة تحالف اتفاقية الأمم المتحدة لمكافحة الفساد بأن السيدة ليلى أحمد، ممثلة الجمعية المصرية للشفافية، معتمدة لحضور الدورة الحادية عشرة لمؤتمر الدول الأطراف في الدوحة من 15 إلى 19 كانون الأول/ديسمبر 2025.",
			"نرجو تسهيل حصولها على تأشيرة الدخول. رقم جواز السفر: A12345678.",
			"مع خالص التحية، الأمانة",
		}},
		"english": {"en", "pdf-letter-en.png", []string{
			"Vienna, 12 May 2025",
			"To whom it may concern",
			"The secretariat of the UNCAC Coalition certifies that Ms Laila Ahmed, representing the الجمعية المصرية للشفافية (Egyptian Association for Transparency), is accredited to the eleventh session of the Conference of the States Parties in Doha from 15 to 19 December 2025.",
			"We kindly ask that her visa application be facilitated. Passport number: A12345678.",
			"Yours faithfully, the Secretariat",
		}},
	}
	for name, letter := range letters {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			d, err := NewDocument(&buf, DocumentOptions{Title: "Visa support letter", Locale: letter.locale})
			if err != nil {
				t.Fatal(err)
			}
			_ = d.Image(testQR(t), 72, 72)
			_ = d.Heading(map[string]string{"ar": "رسالة دعم طلب التأشيرة", "en": "Visa support letter"}[letter.locale])
			for _, p := range letter.paras {
				_ = d.Paragraph(p, AutoDirection)
			}
			if err := d.Close(); err != nil {
				t.Fatal(err)
			}
			pdf := buf.Bytes()
			if pages := pdfPages(t, pdf); pages != 1 {
				t.Errorf("letter has %d pages, want 1", pages)
			}
			text := extractText(t, pdf, 1, 0)
			// pdftotext puts a comma or a bracket beside right-to-left words
			// by heuristics of its own, and joins wrapped lines with or
			// without a space, so paragraphs are compared letter by letter:
			// every letter and digit must come back, in logical order.
			for _, p := range letter.paras {
				if !strings.Contains(lettersOnly(text), lettersOnly(p)) {
					t.Errorf("pdftotext lost %q\ngot:\n%s", p, text)
				}
			}
			if !strings.Contains(text, map[string]string{"ar": "إلى من يهمه الأمر", "en": "To whom it may concern"}[letter.locale]) {
				t.Errorf("a line came back out of order:\n%s", text)
			}
			if n := pdfImages(t, pdf); n != 1 {
				t.Errorf("%d images, want the QR code", n)
			}
			renderPage(t, pdf, letter.png)
		})
	}
}

// testQR is a QR-like black and white PNG, as the badge code will hand over.
func testQR(t *testing.T) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 29, 29))
	for y := 0; y < 29; y++ {
		for x := 0; x < 29; x++ {
			c := color.Gray{Y: 255}
			if (x*7+y*13)%5 < 2 || (x < 7 && y < 7 && (x%6 == 0 || y%6 == 0 || (x > 1 && x < 5 && y > 1 && y < 5))) {
				c.Y = 0
			}
			img.SetGray(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// poppler finds the named poppler tool, skipping the test without it
// except in CI, which must have it.
func poppler(t *testing.T, tool string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not found: CI must install poppler-utils", tool)
		}
		t.Skipf("%s not found (apt-get install poppler-utils)", tool)
	}
	return path
}

var (
	bidiMarks  = regexp.MustCompile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
	whitespace = regexp.MustCompile(`\s+`)
)

// extractText extracts pages first to last (0: to the end) with pdftotext, in
// reading order, without the bidi marks poppler wraps right-to-left runs
// in, whitespace collapsed. pdftotext must not complain about the file.
func extractText(t *testing.T, pdf []byte, first, last int) string {
	t.Helper()
	args := []string{"-enc", "UTF-8", "-f", fmt.Sprint(first)}
	if last > 0 {
		args = append(args, "-l", fmt.Sprint(last))
	}
	out := runPoppler(t, "pdftotext", pdf, append(args, "-", "-")...)
	text := bidiMarks.ReplaceAllString(string(out), "")
	return whitespace.ReplaceAllString(text, " ")
}

// lettersOnly keeps letters and digits, in order.
func lettersOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	out := runPoppler(t, "pdfinfo", pdf, "-")
	var pages int
	if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out); m != nil {
		_, _ = fmt.Sscan(string(m[1]), &pages)
	}
	return pages
}

func pdfImages(t *testing.T, pdf []byte) int {
	t.Helper()
	out := runPoppler(t, "pdfimages", pdf, "-list", "-")
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return len(lines) - 2 // two header lines
}

func runPoppler(t *testing.T, tool string, pdf []byte, args ...string) []byte {
	t.Helper()
	path := poppler(t, tool)
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	for i, a := range args {
		if a == "-" {
			args[i] = file
			break
		}
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(path, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v: %s", tool, err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("%s complains about the file: %s", tool, stderr.String())
	}
	return stdout.Bytes()
}

// renderPage renders page 1 with pdftoppm, proving the file draws, and
// keeps the picture in ACCORD_SCREENSHOTS when that names a folder (the
// README's pictures come from there).
func renderPage(t *testing.T, pdf []byte, name string) {
	t.Helper()
	dir := os.Getenv("ACCORD_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	prefix := filepath.Join(dir, strings.TrimSuffix(name, ".png"))
	runPoppler(t, "pdftoppm", pdf, "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", "-", prefix)
	if _, err := os.Stat(prefix + ".png"); err != nil {
		t.Errorf("pdftoppm drew nothing: %v", err)
	}
}

func TestPDFTableStreamsInFlatMemory(t *testing.T) {
	n := 90_000 // the participant list of a large conference
	if testing.Short() {
		n = 3000
	}
	names := listRows(len(listNames))
	var out countingWriter
	var seenAtLast countingWriter
	probe := newHeapProbe()
	i := 0
	row := make([]string, 4)
	rows := RowsFunc(func(context.Context) ([]string, error) {
		if i == n {
			return nil, io.EOF
		}
		i++
		if i%10_000 == 0 {
			probe.sample()
		}
		if i == n {
			seenAtLast = out
		}
		// Distinct names, so the layout cache cannot make this look cheap.
		src := names[i%len(names)]
		row[0], row[1], row[2], row[3] = fmt.Sprint(i), fmt.Sprintf("%s %d", src[1], i), fmt.Sprintf("%s %d", src[2], i), src[3]
		return row, nil
	})
	start := time.Now()
	d, err := NewDocument(&out, DocumentOptions{Title: "Participants", Locale: "ar"})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Table(context.Background(), "ar", listSheet(), rows); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	probe.sample()
	t.Logf("pdf: %d rows, %d pages, %.1f MiB in %v, heap growth at peak %.2f MiB",
		n, len(d.pages), float64(out)/(1<<20), time.Since(start).Round(time.Millisecond), probe.growthMiB())
	// All but the last page and the fonts' subsets, which end the file.
	if seenAtLast < out/2 {
		t.Errorf("%d of %d bytes written when the last row was read: pages are not streamed", seenAtLast, out)
	}
	if probe.growthMiB() > 32 {
		t.Errorf("heap grew by %.1f MiB for %d rows: not streaming", probe.growthMiB(), n)
	}
}
