package export

import (
	"context"
	"fmt"
	"io"
	"runtime"
)

// injections are cell values a hostile applicant could type as a name.
var injections = []string{`=HYPERLINK("http://x","y")`, "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}

const arabicName = "الجمعية المصرية للشفافية"

func orgSheet() Sheet {
	return Sheet{Name: "Accredited", Columns: []Column{
		{Key: "name", Header: map[string]string{"en": "Name", "ar": "الاسم", "fr": "Nom"}, Width: 40, RTL: true},
		{Key: "name_en", Header: map[string]string{"en": "Name in English", "ar": "الاسم بالإنجليزية"}, Width: 40},
		{Key: "country", Header: map[string]string{"en": "Country"}, Width: 12},
	}}
}

func orgRows() [][]string {
	rows := [][]string{
		{arabicName, "Egyptian Association for Transparency", "EG"},
		{"Transparência Brasil", "Transparency Brazil", "BR"},
		{"Line\nbreak, \"quoted\"", "Comma, inside", "FR"},
	}
	for _, s := range injections {
		rows = append(rows, []string{s, s, "XX"})
	}
	return rows
}

// generatedRows serves n synthetic rows without holding them, reporting each
// row number to onRow first, so tests can look at the output mid-stream.
func generatedRows(n int, onRow func(i int)) Rows {
	i := 0
	row := make([]string, 3)
	return RowsFunc(func(context.Context) ([]string, error) {
		if i >= n {
			return nil, io.EOF
		}
		i++
		if onRow != nil {
			onRow(i)
		}
		row[0] = fmt.Sprintf("%s %d", arabicName, i)
		row[1] = fmt.Sprintf("Organisation number %d for transparency", i)
		row[2] = "EG"
		return row, nil
	})
}

// heapProbe samples the live heap while rows are produced, so a test can
// tell a writer that streams from one that gathers every row.
type heapProbe struct {
	before, peak uint64
}

func newHeapProbe() *heapProbe {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return &heapProbe{before: m.HeapAlloc, peak: m.HeapAlloc}
}

func (p *heapProbe) sample() {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	p.peak = max(p.peak, m.HeapAlloc)
}

func (p *heapProbe) growthMiB() float64 {
	if p.peak < p.before {
		return 0
	}
	return float64(p.peak-p.before) / (1 << 20)
}
