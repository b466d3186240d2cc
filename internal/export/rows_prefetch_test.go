package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"testing"
)

// countedRows serves n rows of three cells, reusing one slice as a cursor
// does, then fails with fail (io.EOF for a clean end); it counts the
// calls it gets.
type countedRows struct {
	n     int
	fail  error
	calls atomic.Int64
	row   []string
}

func (c *countedRows) Next(ctx context.Context) ([]string, error) {
	i := int(c.calls.Add(1)) - 1
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if i >= c.n {
		return nil, c.fail
	}
	if c.row == nil {
		c.row = make([]string, 3)
	}
	c.row[0], c.row[1], c.row[2] = fmt.Sprint(i), "منظمة", "EG"
	return c.row, nil
}

func TestPrefetchGivesEveryRowInOrderAndTheEnd(t *testing.T) {
	for _, n := range []int{0, 1, prefetchBatch, prefetchBatch*3 + 7} {
		src := &countedRows{n: n, fail: io.EOF}
		rows, stop := Prefetch(context.Background(), src)
		var kept [][]string
		for {
			row, err := rows.Next(context.Background())
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("n=%d: %v", n, err)
			}
			kept = append(kept, row)
		}
		if _, err := rows.Next(context.Background()); !errors.Is(err, io.EOF) {
			t.Fatalf("n=%d: after the end: %v", n, err)
		}
		stop()
		if len(kept) != n {
			t.Fatalf("n=%d: %d rows", n, len(kept))
		}
		// Rows stay valid after later calls, unlike the source's.
		for i, row := range kept {
			if row[0] != fmt.Sprint(i) || row[1] != "منظمة" {
				t.Fatalf("n=%d: row %d is %q", n, i, row)
			}
		}
	}
}

func TestPrefetchPassesTheSourcesErrorAfterItsRows(t *testing.T) {
	broken := errors.New("connection reset")
	rows, stop := Prefetch(context.Background(), &countedRows{n: 300, fail: broken})
	defer stop()
	got := 0
	for {
		_, err := rows.Next(context.Background())
		if err != nil {
			if !errors.Is(err, broken) || got != 300 {
				t.Fatalf("after %d rows: %v, want the source's error after 300", got, err)
			}
			return
		}
		got++
	}
}

// TestPrefetchStopLeavesTheSourceAlone: a writer that gives up (a client
// gone) stops the reader, which then never touches the cursor again.
func TestPrefetchStopLeavesTheSourceAlone(t *testing.T) {
	src := &countedRows{n: 1_000_000, fail: io.EOF}
	rows, stop := Prefetch(context.Background(), src)
	if _, err := rows.Next(context.Background()); err != nil {
		t.Fatal(err)
	}
	stop()
	after := src.calls.Load()
	if after >= 1_000_000 {
		t.Fatalf("the reader read everything (%d calls) before stop", after)
	}
	if after > int64(prefetchBatch*(prefetchDepth+3)) {
		t.Fatalf("the reader ran %d rows ahead, want at most a few batches", after)
	}
	stop() // twice is harmless
	if src.calls.Load() != after {
		t.Fatal("the source was called after stop returned")
	}
	if _, err := rows.Next(context.Background()); err == nil {
		t.Fatal("rows after stop: want an error")
	}
}

func TestPrefetchEndsWithItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	rows, stop := Prefetch(ctx, &countedRows{n: 1_000_000, fail: io.EOF})
	defer stop()
	cancel()
	for range 1_000_000 {
		if _, err := rows.Next(ctx); err != nil {
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err %v, want canceled", err)
			}
			return
		}
	}
	t.Fatal("every row came after the context ended")
}
