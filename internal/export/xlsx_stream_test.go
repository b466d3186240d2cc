package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// flushCounter records how many bytes had reached it at each flush.
type flushCounter struct {
	bytes.Buffer
	flushedAt []int
}

func (w *flushCounter) Flush() { w.flushedAt = append(w.flushedAt, w.Len()) }

// TestWriteXLSXStreamsToTheClient: half way through a long list, a good
// part of the workbook has reached the client and been pushed out, and
// the whole still opens.
func TestWriteXLSXStreamsToTheClient(t *testing.T) {
	const n = 40_000
	w := &flushCounter{}
	var atHalf, flushesAtHalf int
	rows := generatedRows(n, func(i int) {
		if i == n/2 {
			atHalf, flushesAtHalf = w.Len(), len(w.flushedAt)
		}
	})
	if err := WriteXLSX(context.Background(), w, "en", []SheetRows{{Sheet: orgSheet(), Rows: rows}}); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d of %d bytes and %d flushes before the middle row", atHalf, w.Len(), flushesAtHalf)
	if atHalf < w.Len()/4 || flushesAtHalf < 10 {
		t.Errorf("at the middle row %d of %d bytes had left in %d flushes: not streamed", atHalf, w.Len(), flushesAtHalf)
	}
	f, err := excelize.OpenReader(bytes.NewReader(w.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	got, err := f.GetRows("Accredited")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n+1 || got[n][1] != fmt.Sprintf("Organisation number %d for transparency", n) {
		t.Fatalf("%d rows read back, last %q", len(got), got[len(got)-1])
	}
}

// awkwardRows hold text that XML must escape or cannot hold at all, and
// empty cells, which the sheet leaves out (the next cell then says where
// it is).
var awkwardRows = [][]string{
	{"<b>&amp;</b> \"quoted\" 'single'", "  padded  ", "EG"},
	{"line one\nline two", "tab\there", "a\r\nb"},
	{"bell\a and nul\x00 inside", "bad utf-8 \xff\xfe end", ""},
	{"=1+1", "@SUM(A1)", "-5"},
	{arabicName, "日本語 😀", "ZZ"},
	{"", "", "third only"},
	{"first", "", "third"},
}

// awkwardWant is what a reader gets back: escaped text intact, characters
// XML cannot carry as U+FFFD, formulas neutralised.
var awkwardWant = [][]string{
	{"<b>&amp;</b> \"quoted\" 'single'", "  padded  ", "EG"},
	{"line one\nline two", "tab\there", "a\r\nb"},
	{"bell\uFFFD and nul\uFFFD inside", "bad utf-8 \uFFFD\uFFFD end", ""},
	{"'=1+1", "'@SUM(A1)", "-5"},
	{arabicName, "日本語 😀", "ZZ"},
	{"", "", "third only"},
	{"first", "", "third"},
}

func TestWriteXLSXKeepsAwkwardText(t *testing.T) {
	f := writeWorkbook(t, "en", SheetRows{Sheet: orgSheet(), Rows: SliceRows(awkwardRows)})
	rows, err := f.GetRows("Accredited")
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range awkwardWant {
		got := append(rows[i+1], make([]string, 3)...)[:3]
		for c := range want {
			if got[c] != want[c] {
				t.Errorf("row %d column %d = %q, want %q", i+1, c+1, got[c], want[c])
			}
		}
	}
}

// TestWriteXLSXOpensInLibreOffice: LibreOffice, converting the workbook
// to CSV, reads every cell as written. Skipped where it is not installed
// (Debian: libreoffice-calc-nogui), except under CI, which installs it.
func TestWriteXLSXOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("LibreOffice (soffice) is required under CI=true: .ci/run installs libreoffice-calc-nogui")
		}
		t.Skip("LibreOffice (soffice) is not installed")
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := WriteXLSX(context.Background(), &buf, "ar", []SheetRows{{Sheet: orgSheet(), Rows: SliceRows(awkwardRows)}}); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "list.xlsx")
	if err := os.WriteFile(in, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "list.csv"))
	if err != nil {
		t.Fatalf("no CSV from LibreOffice: %v", err)
	}
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("LibreOffice's CSV: %v\n%s", err, data)
	}
	if len(records) != 1+len(awkwardWant) || records[0][0] != "الاسم" {
		t.Fatalf("LibreOffice read %d rows, header %q", len(records), records[0])
	}
	for i, want := range awkwardWant {
		for c := range want {
			// LibreOffice writes line breaks inside a cell as LF.
			w := strings.ReplaceAll(want[c], "\r\n", "\n")
			if got := strings.ReplaceAll(records[i+1][c], "\r\n", "\n"); got != w {
				t.Errorf("row %d column %d = %q, want %q", i+1, c+1, got, w)
			}
		}
	}
}

// TestWriteXLSXWorkbooksAtOnceKeepTheirOwnCompressor: compressors are
// shared between exports, never during one; a workbook abandoned half-way
// gives its compressor back in a state the next one can use.
func TestWriteXLSXWorkbooksAtOnceKeepTheirOwnCompressor(t *testing.T) {
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for round := range 5 {
				if round%2 == 1 {
					bad := SheetRows{Sheet: orgSheet(), Rows: SliceRows([][]string{{"a", "b", "c"}, {"too", "many", "cells", "here"}})}
					if err := WriteXLSX(context.Background(), io.Discard, "en", []SheetRows{bad}); err == nil {
						t.Error("a row of four cells for three columns was written")
					}
					continue
				}
				rows := make([][]string, 2000)
				for i := range rows {
					rows[i] = []string{fmt.Sprintf("منظمة %d-%d-%d", w, round, i), "Name", "EG"}
				}
				var buf bytes.Buffer
				if err := WriteXLSX(context.Background(), &buf, "ar", []SheetRows{{Sheet: orgSheet(), Rows: SliceRows(rows)}}); err != nil {
					t.Error(err)
					return
				}
				f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
				if err != nil {
					t.Errorf("workbook %d/%d: %v", w, round, err)
					return
				}
				got, err := f.GetRows("Accredited")
				f.Close()
				if err != nil || len(got) != 2001 || got[2000][0] != rows[1999][0] {
					t.Errorf("workbook %d/%d: %d rows, %v", w, round, len(got), err)
				}
			}
		})
	}
	wg.Wait()
}
