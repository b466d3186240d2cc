package report_test

import (
	"context"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/report"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/synthetic"
	"github.com/accord-coalition/accord/internal/testenv"
)

// BenchmarkParticipantsCSV is the export path of participants.csv without
// HTTP: the snapshot, the audit's count and event, the cursor and the CSV
// writer, on PostgreSQL with 3,000 participants. bench/exports.sh measures
// the whole path, over HTTP, against COPY.
func BenchmarkParticipantsCSV(b *testing.B) { benchmarkParticipants(b, report.FormatCSV) }

// BenchmarkParticipantsXLSX is the same path through the streamed
// workbook writer.
func BenchmarkParticipantsXLSX(b *testing.B) { benchmarkParticipants(b, report.FormatXLSX) }

func benchmarkParticipants(b *testing.B, format string) {
	db := storetest.Postgres(b)
	ctx := context.Background()
	reports := testenv.New(b, db).App.Report
	res, err := synthetic.Seed(ctx, db, synthetic.Options{Organizations: 1000, Conference: "BENCH"})
	if err != nil {
		b.Fatal(err)
	}
	sec := accord.Actor{Role: accord.RoleSecretariat}
	var bytes countWriter
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		e, err := reports.PrepareExport(ctx, sec, report.ExportRequest{Conference: "BENCH", List: report.ListParticipants, Format: format})
		if err != nil {
			b.Fatal(err)
		}
		if err := e.Write(ctx, &bytes); err != nil {
			b.Fatal(err)
		}
		if e.Rows() != res.Delegates {
			b.Fatalf("%d rows, want %d", e.Rows(), res.Delegates)
		}
	}
	b.ReportMetric(float64(res.Delegates), "rows/op")
	b.ReportMetric(float64(bytes)/float64(b.N), "bytes/export")
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
