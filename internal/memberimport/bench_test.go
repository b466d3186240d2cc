package memberimport_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/memberimport"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/synthetic"
	"github.com/accord-coalition/accord/internal/testenv"
	"github.com/accord-coalition/accord/internal/workflow"
)

// benchRows is the size of the list the benchmarks read: the issue asks
// for 10,000 rows previewed in seconds.
const benchRows = 10000

// benchCountries are written as people write them: codes and names in
// the four languages.
var benchCountries = []string{"EG", "Maroc", "Tunisie", "لبنان", "الأردن", "Perú", "Sénégal", "Kenya", "Brasil", "FR"}

// benchList is a member list of n rows with Arabic and Latin names, one
// row in a hundred with an unknown country when withErrors; tag keeps
// names apart from one list to the next.
func benchList(n int, tag string, withErrors bool) [][]string {
	rows := [][]string{{"الاسم", "Name EN", "Sigle", "País", "City", "Registration number", "Email", "Website", "Member since"}}
	for i := range n {
		c := benchCountries[i%len(benchCountries)]
		if withErrors && i%100 == 99 {
			c = "Atlantide"
		}
		rows = append(rows, []string{
			fmt.Sprintf("جمعية الشفافية رقم %d %s", i, tag), fmt.Sprintf("Transparency Association %d %s", i, tag), fmt.Sprintf("TA%d", i),
			c, "Capital", fmt.Sprintf("REG-%s-%d", tag, i), fmt.Sprintf("contact%d@ta.example", i), fmt.Sprintf("www.ta%d.example", i),
			fmt.Sprintf("%d-06-30", 1990+i%30),
		})
	}
	return rows
}

func benchCSV(n int, tag string, withErrors bool) []byte {
	var b bytes.Buffer
	b.WriteString("\xEF\xBB\xBF")
	for _, r := range benchList(n, tag, withErrors) {
		for i, c := range r {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

func benchXLSX(b *testing.B, n int, tag string) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	for i, r := range benchList(n, tag, true) {
		cells := make([]any, len(r))
		for j, c := range r {
			cells[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, cells); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// benchService is the import service of a fresh application on db, with
// 1,000 organisations already in Accord to compare the rows with.
func benchService(b *testing.B, db *store.DB) *memberimport.Service {
	a := testenv.New(b, db).App
	if _, err := synthetic.Seed(context.Background(), db, synthetic.Options{Organizations: 1000, Conference: "BENCH"}); err != nil {
		b.Fatal(err)
	}
	return a.Imports
}

func benchEngines(b *testing.B, fn func(b *testing.B, db *store.DB)) {
	b.Run("sqlite", func(b *testing.B) { fn(b, storetest.SQLite(b)) })
	b.Run("postgres", func(b *testing.B) { fn(b, storetest.Postgres(b)) })
}

// BenchmarkPreview10000: one operation is one upload of 10,000 rows read,
// checked, compared with the organisations of their countries and kept
// with the file — everything POST /members/imports does but the HTTP.
func BenchmarkPreview10000(b *testing.B) {
	for _, format := range []string{"csv", "xlsx"} {
		b.Run(format, func(b *testing.B) {
			benchEngines(b, func(b *testing.B, db *store.DB) {
				s := benchService(b, db)
				data := benchCSV(benchRows, "p", true)
				if format == "xlsx" {
					data = benchXLSX(b, benchRows, "p")
				}
				sec := accord.Actor{Role: accord.RoleSecretariat}
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					v, err := s.Preview(context.Background(), sec, memberimport.Upload{Filename: "list." + format, Data: data})
					if err != nil {
						b.Fatal(err)
					}
					if v.RowCount != benchRows || len(v.Errors) != benchRows/100 {
						b.Fatalf("%d rows, %d errors", v.RowCount, len(v.Errors))
					}
				}
				b.ReportMetric(float64(len(data)), "file-bytes")
			})
		})
	}
}

// BenchmarkApply10000: one operation is applying a previewed list of
// 10,000 valid rows (the preview is not timed): 10,000 organisations and
// memberships and 20,000 audit events in one transaction, then ANALYZE.
func BenchmarkApply10000(b *testing.B) {
	benchEngines(b, func(b *testing.B, db *store.DB) {
		s := benchService(b, db)
		sec := accord.Actor{Role: accord.RoleSecretariat}
		ctx := context.Background()
		n := 0
		for b.Loop() {
			b.StopTimer()
			n++
			v, err := s.Preview(ctx, sec, memberimport.Upload{Filename: "list.csv", Data: benchCSV(benchRows, fmt.Sprint("a", n), false)})
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			applied, err := s.Fire(ctx, sec, v.ID, workflow.TransitionInput{Event: memberimport.EventApply, Version: v.Version})
			if err != nil {
				b.Fatal(err)
			}
			if applied.CreatedCount != benchRows {
				b.Fatalf("created %d", applied.CreatedCount)
			}
		}
	})
}
