// Package retry holds what Accord's background workers (the deadline
// ticker, the outbox and the webhook deliveries) share: the loop that runs
// a pass every interval, and the schedule of waits after failed attempts.
package retry

import (
	"context"
	"math/rand/v2"
	"strings"
	"time"
	"unicode/utf8"
)

// Every runs pass now and then every interval until ctx is done. A pass
// that fails while ctx is still live is handed to failed (the next pass
// tries again); one that got through with work done is handed to done.
func Every(ctx context.Context, interval time.Duration, pass func(context.Context) (int, error),
	failed func(n int, err error), done func(n int)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if n, err := pass(ctx); err != nil && ctx.Err() == nil {
			failed(n, err)
		} else if n > 0 {
			done(n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Schedule is the wait after each failed attempt: doubling from First up
// to Max, less up to a fifth at random, so that what failed together (the
// other end was down) does not all come back at once.
type Schedule struct {
	First, Max time.Duration
}

// Delay is the wait after the attempt-th failed attempt (counted from 1).
func (s Schedule) Delay(attempt int) time.Duration {
	d := s.First
	for i := 1; i < attempt && d < s.Max; i++ {
		d *= 2
	}
	d = min(d, s.Max)
	return d - rand.N(d/5)
}

// ErrorText is err as an attempt's record keeps it: at most 1000 bytes,
// cut without splitting a character.
func ErrorText(err error) string {
	s, n := err.Error(), 1000
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.ToValidUTF8(s[:n], "")
}
