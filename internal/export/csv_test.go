package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestWriteCSVBOMHeaderAndQuoting(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(context.Background(), &buf, "ar", orgSheet(), SliceRows(orgRows())); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\xef\xbb\xbf")) {
		t.Fatalf("no UTF-8 BOM: % x", buf.Bytes()[:8])
	}
	records := readCSV(t, buf.Bytes())
	want := []string{"الاسم", "الاسم بالإنجليزية", "Country"} // "Country" has no Arabic header: English
	if strings.Join(records[0], "|") != strings.Join(want, "|") {
		t.Errorf("header = %q, want %q", records[0], want)
	}
	if len(records) != 1+len(orgRows()) {
		t.Fatalf("%d records, want %d", len(records), 1+len(orgRows()))
	}
	if records[1][0] != arabicName || records[1][1] != "Egyptian Association for Transparency" {
		t.Errorf("row 1 = %q", records[1])
	}
	if records[3][0] != "Line\nbreak, \"quoted\"" || records[3][1] != "Comma, inside" {
		t.Errorf("quoting lost text: %q", records[3])
	}
}

func TestWriteCSVNeutralizesFormulas(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(context.Background(), &buf, "en", orgSheet(), SliceRows(orgRows())); err != nil {
		t.Fatal(err)
	}
	records := readCSV(t, buf.Bytes())
	seen := 0
	for _, rec := range records {
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts as a formula", cell)
			}
			for _, inj := range injections {
				if cell == "'"+inj {
					seen++
				}
			}
		}
	}
	// Each injection is in two columns, and stays readable behind its apostrophe.
	if seen != 2*len(injections) {
		t.Errorf("found %d neutralised cells, want %d", seen, 2*len(injections))
	}
	if got := orgRows()[3][0]; got != injections[0] {
		t.Errorf("the cursor's rows were changed: %q", got)
	}
}

func TestWriteCSVStreamsBeforeLastRow(t *testing.T) {
	const n = 5000
	var out bytes.Buffer
	var seenAtLast int
	rows := generatedRows(n, func(i int) {
		if i == n {
			seenAtLast = out.Len()
		}
	})
	if err := WriteCSV(context.Background(), &out, "en", orgSheet(), rows); err != nil {
		t.Fatal(err)
	}
	// All but the last partial batch has reached the writer by the last read.
	if min := out.Len() / 2; seenAtLast < min {
		t.Errorf("%d of %d bytes written when the last row was read; want at least %d", seenAtLast, out.Len(), min)
	}
	if got := len(readCSV(t, out.Bytes())); got != n+1 {
		t.Errorf("%d records, want %d", got, n+1)
	}
}

func TestWriteCSVErrors(t *testing.T) {
	t.Run("row with too few cells", func(t *testing.T) {
		err := WriteCSV(context.Background(), io.Discard, "en", orgSheet(), SliceRows([][]string{{"a", "b"}}))
		if err == nil || !strings.Contains(err.Error(), "2 cells for 3 columns") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("cursor fails", func(t *testing.T) {
		boom := errors.New("connection lost")
		rows := RowsFunc(func(context.Context) ([]string, error) { return nil, boom })
		if err := WriteCSV(context.Background(), io.Discard, "en", orgSheet(), rows); !errors.Is(err, boom) {
			t.Errorf("err = %v, want %v", err, boom)
		}
	})
	t.Run("client gone", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		rows := generatedRows(1000, func(i int) {
			if i == 10 {
				cancel()
			}
		})
		if err := WriteCSV(ctx, io.Discard, "en", orgSheet(), rows); !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
}

func TestWriteCSVMemoryStaysFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("100k rows")
	}
	const n = 100_000
	probe := newHeapProbe()
	var size countingWriter
	rows := generatedRows(n, func(i int) {
		if i%10_000 == 0 {
			probe.sample()
		}
	})
	if err := WriteCSV(context.Background(), &size, "en", orgSheet(), rows); err != nil {
		t.Fatal(err)
	}
	t.Logf("csv: %d rows, %.1f MiB written, heap growth at peak %.2f MiB", n, float64(size)/(1<<20), probe.growthMiB())
	if probe.growthMiB() > 16 {
		t.Errorf("heap grew by %.1f MiB writing %d rows: not streaming", probe.growthMiB(), n)
	}
}

type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))))
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	return records
}
