package auth

import (
	"fmt"
	"sync"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
)

// TestBurstFromOneAddressHoldsItsLimit: guesses at many accounts from one
// address, all at once, reach the password check at most PerAddress times.
func TestBurstFromOneAddressHoldsItsLimit(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		limit := f.svc.cfg.LoginLimit.PerAddress
		const guesses = 80
		var (
			wg    sync.WaitGroup
			mu    sync.Mutex
			kinds = map[accord.Kind]int{}
		)
		for i := range guesses {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := f.svc.Login(f.ctx, fmt.Sprintf("user%d@example.org", i), "a wrong guess", "203.0.113.7")
				mu.Lock()
				kinds[accord.KindOf(err)]++
				mu.Unlock()
			}()
		}
		wg.Wait()
		if kinds[accord.KindUnauthenticated] > limit || kinds[accord.KindUnauthenticated]+kinds[accord.KindRateLimited] != guesses {
			t.Fatalf("answers by kind %v; want at most %d evaluated and the rest rate limited", kinds, limit)
		}
	})
}
