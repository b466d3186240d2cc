package notify

import (
	"math/rand/v2"
	"time"
)

const (
	firstRetryDelay = 30 * time.Second
	maxRetryDelay   = time.Hour
)

// retryDelay is the wait after the attempt-th failed attempt: doubling from
// 30 seconds up to an hour, less up to a fifth at random, so that messages
// that failed together (the server was down) do not all come back at once.
func retryDelay(attempt int) time.Duration {
	d := maxRetryDelay
	if attempt < 1 {
		attempt = 1
	}
	if attempt <= 8 { // 30s << 7 is already past the hour
		d = min(firstRetryDelay<<(attempt-1), maxRetryDelay)
	}
	return d - rand.N(d/5)
}
