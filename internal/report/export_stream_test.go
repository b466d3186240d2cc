package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/report"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/synthetic"
)

// flushRecorder is a response as the export sees it: bytes, and flushes
// that push them to the client. At each flush it notes how much had gone
// out, and it runs onFlush once, at the first.
type flushRecorder struct {
	bytes.Buffer
	flushedAt []int
	onFlush   func()
}

func (w *flushRecorder) Flush() {
	w.flushedAt = append(w.flushedAt, w.Len())
	if w.onFlush != nil {
		f := w.onFlush
		w.onFlush = nil
		f()
	}
}

// TestExportStreamsFromOneSnapshot: a list of 1,500 participants leaves
// in pieces while its rows are still being read, and delegates added by
// someone else in the middle of the export are not in it, nor in the
// audit's count: one consistent snapshot, start to end.
func TestExportStreamsFromOneSnapshot(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		res, err := synthetic.Seed(ctx, db, synthetic.Options{Organizations: 500, Conference: "LOAD1", Now: e.Clock.Now()})
		if err != nil {
			t.Fatal(err)
		}
		sec := e.person(accord.RoleSecretariat, "", "")
		for _, format := range []string{"csv", "pdf"} {
			ex, err := e.reports.PrepareExport(ctx, sec.Actor(), report.ExportRequest{
				Conference: "LOAD1", List: report.ListParticipants, Format: format, Locale: "en"})
			if err != nil {
				t.Fatal(err)
			}
			w := &flushRecorder{}
			w.onFlush = func() {
				// Another writer commits while the export is half way.
				if _, err := synthetic.Seed(ctx, db, synthetic.Options{Organizations: 5, Conference: "LOAD1", Now: e.Clock.Now()}); err != nil {
					t.Errorf("concurrent seed: %v", err)
				}
			}
			if err := ex.Write(ctx, w); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if len(w.flushedAt) < 2 || w.flushedAt[0] >= w.Len() {
				t.Errorf("%s: flushed at %v of %d bytes: not streamed", format, w.flushedAt, w.Len())
			}
			want := res.Delegates + 15*map[string]int{"csv": 0, "pdf": 1}[format]
			if ex.Rows() != want {
				t.Errorf("%s: %d rows exported, want %d (the snapshot at the start)", format, ex.Rows(), want)
			}
			if format == "csv" {
				records, err := csv.NewReader(bytes.NewReader(w.Bytes()[3:])).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				if len(records) != 1+want {
					t.Errorf("%d records, want %d", len(records), 1+want)
				}
			}
		}
		events := e.auditEvents("export", "export")
		if len(events) != 2 || events[0].Data["rows"] != float64(res.Delegates) || events[1].Data["rows"] != float64(res.Delegates+15) {
			t.Errorf("audited counts: %+v", events)
		}
	})
}
