package webui

import (
	"context"
	"crypto/sha256"
	"sync"
	"time"

	"github.com/accord-coalition/accord/internal/auth"
)

// refreshGrace is how long the pair one refresh produced is handed to
// other requests presenting the same refresh token.
const refreshGrace = 30 * time.Second

// refreshes makes the requests of one browser that present the same
// expired session at once (tabs restored together, a page and its
// redirect) share one refresh. auth rotates the refresh token on each use
// and treats a second use as theft, revoking the whole session; without
// this, opening two tabs after a coffee break would sign the person out.
// It works within one server process; behind a load balancer, sticky
// sessions keep a browser on one process.
//
// Only requests from the same browser share: the key includes the
// browser's CSRF seed cookie, set at sign-in. A stolen refresh token
// replayed from elsewhere does not carry it, so it still meets auth's
// reuse detection.
type refreshes struct {
	mu     sync.Mutex
	flight map[[32]byte]*refreshCall
}

type refreshCall struct {
	done chan struct{}
	at   time.Time
	pair auth.TokenPair
	err  error
}

// refresh returns the new pair for token, calling auth at most once per
// token and browser within refreshGrace. Without a browser key nothing is
// shared.
func (r *refreshes) refresh(ctx context.Context, svc *auth.Service, token, browser string, now time.Time) (auth.TokenPair, error) {
	if browser == "" {
		return svc.Refresh(ctx, token)
	}
	key := sha256.Sum256([]byte(token + "\x00" + browser))
	r.mu.Lock()
	if r.flight == nil {
		r.flight = map[[32]byte]*refreshCall{}
	}
	for k, c := range r.flight {
		if now.Sub(c.at) > refreshGrace {
			delete(r.flight, k)
		}
	}
	if c, ok := r.flight[key]; ok {
		r.mu.Unlock()
		select {
		case <-c.done:
			return c.pair, c.err
		case <-ctx.Done():
			return auth.TokenPair{}, ctx.Err()
		}
	}
	c := &refreshCall{done: make(chan struct{}), at: now}
	r.flight[key] = c
	r.mu.Unlock()

	c.pair, c.err = svc.Refresh(ctx, token)
	close(c.done)
	return c.pair, c.err
}
