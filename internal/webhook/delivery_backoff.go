package webhook

import (
	"math/rand/v2"
	"time"
)

// The retry schedule: a receiver that is down gets every event once it is
// back, however long that takes within a day (docs/api.md, Webhooks).
const (
	firstRetryDelay = 30 * time.Second
	maxRetryDelay   = 4 * time.Hour
	// GiveUpAfter is how long after its event a failing delivery is still
	// retried: more than a day, so an outage over a weekend day is caught.
	GiveUpAfter = 25 * time.Hour
)

// retryDelay is the wait after the attempt-th failed attempt: doubling
// from 30 seconds (the first retry comes within a minute) up to four
// hours, less up to a fifth at random, so that deliveries that failed
// together (the receiver was down) do not all come back at once. With
// GiveUpAfter that is about fifteen attempts.
func retryDelay(attempt int) time.Duration {
	d := maxRetryDelay
	if attempt < 1 {
		attempt = 1
	}
	if attempt <= 10 { // 30s << 9 is already past four hours
		d = min(firstRetryDelay<<(attempt-1), maxRetryDelay)
	}
	return d - rand.N(d/5)
}
