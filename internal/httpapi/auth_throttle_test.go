package httpapi_test

import (
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/testenv"
)

// TestParallelGuessesHoldTheLimit: forty wrong passwords for one account
// from one address, all at once, reach the password check at most as
// often as the limit allows; the rest are 429 with Retry-After. The owner
// signs in from another address meanwhile.
func TestParallelGuessesHoldTheLimit(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		behindProxy := testenv.Configure(func(c *config.Config) { c.TrustProxy = true })
		e := newEnv(t, db, behindProxy)
		e.signUp("amina@example.org")
		limit := auth.DefaultConfig(nil).LoginLimit.PerAccount

		const guesses = 40
		var (
			wg            sync.WaitGroup
			mu            sync.Mutex
			status        = map[int]int{}
			badRetryAfter int
			owner         response
		)
		start := make(chan struct{})
		for i := range guesses {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				res := e.do("POST", "/api/v1/auth/login", httpapi.LoginRequest{Email: "amina@example.org", Password: "guess " + strconv.Itoa(i)},
					"X-Forwarded-For", "198.51.100.7")
				mu.Lock()
				defer mu.Unlock()
				status[res.StatusCode]++
				if res.StatusCode == http.StatusTooManyRequests {
					if s, err := strconv.Atoi(res.Header.Get("Retry-After")); err != nil || s <= 0 {
						badRetryAfter++
					}
				}
			}()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			owner = e.do("POST", "/api/v1/auth/login", httpapi.LoginRequest{Email: "amina@example.org", Password: "correct horse battery"},
				"X-Forwarded-For", "203.0.113.5")
		}()
		close(start)
		wg.Wait()

		if owner.StatusCode != http.StatusOK {
			t.Fatalf("the owner, from another address: %d %s", owner.StatusCode, owner.body)
		}
		evaluated, limited := status[http.StatusUnauthorized], status[http.StatusTooManyRequests]
		t.Logf("%d guesses evaluated, %d refused with 429", evaluated, limited)
		if evaluated > limit || evaluated+limited != guesses {
			t.Fatalf("answers %v; want at most %d evaluated (401) and the rest 429", status, limit)
		}
		if badRetryAfter > 0 {
			t.Fatalf("%d answers 429 without a positive Retry-After", badRetryAfter)
		}
	})
}
