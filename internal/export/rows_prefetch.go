package export

import (
	"context"
	"io"
	"sync"
	"sync/atomic"
)

// prefetchBatch is how many rows the reader hands over at once: enough
// that the hand-over costs nothing beside the rows, few enough that a
// batch of the widest list stays a few tens of kilobytes.
const prefetchBatch = 256

// prefetchDepth is how many batches may wait for the writer.
const prefetchDepth = 4

type prefetched struct {
	rows [][]string
	err  error // io.EOF after the last batch, or the source's error
}

// Prefetch reads src on a goroutine of its own, a batch ahead of the
// writer: decoding the database's rows and writing a file are each about
// half an export's work, and with the two side by side an export of a
// long list takes the time of the longer half rather than of both
// (bench/README.md "Exports"). Rows it returns stay valid after the next
// call, unlike src's.
//
// stop ends the reading and waits for it, so that src (a cursor of a
// transaction) is no longer used once stop returns; call it before the
// cursor is closed, whether or not every row was read.
func Prefetch(ctx context.Context, src Rows) (rows Rows, stop func()) {
	readCtx, cancel := context.WithCancel(ctx)
	batches := make(chan prefetched, prefetchDepth)
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(batches)
		width := 0
		for {
			// One backing array a batch: the rows are copied out of the
			// source's reused slice without an allocation each.
			b := prefetched{rows: make([][]string, 0, prefetchBatch)}
			cells := make([]string, 0, prefetchBatch*width)
			for len(b.rows) < prefetchBatch {
				row, err := src.Next(readCtx)
				if err != nil {
					b.err = err
					break
				}
				width = len(row)
				start := len(cells)
				cells = append(cells, row...)
				b.rows = append(b.rows, cells[start:len(cells):len(cells)])
			}
			select {
			case batches <- b:
			case <-readCtx.Done():
				return
			}
			if b.err != nil {
				return
			}
		}
	})
	var (
		cur     prefetched
		next    int
		done    error
		stopped atomic.Bool
	)
	rows = RowsFunc(func(ctx context.Context) ([]string, error) {
		if stopped.Load() {
			return nil, context.Canceled
		}
		for next == len(cur.rows) {
			if done != nil {
				return nil, done
			}
			if cur.err != nil {
				done = cur.err
				return nil, done
			}
			select {
			case b, ok := <-batches:
				if !ok {
					// Stopped, or the reader's context ended.
					if done = readCtx.Err(); done == nil {
						done = io.ErrUnexpectedEOF
					}
					return nil, done
				}
				cur, next = b, 0
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		row := cur.rows[next]
		next++
		return row, nil
	})
	stop = func() {
		stopped.Store(true)
		cancel()
		wg.Wait()
	}
	return rows, stop
}
