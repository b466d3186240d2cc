package app_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/testenv"
)

// TestTickRemovesUnverifiedAccounts: the server's tick removes an account
// that has not verified its address within seven days, which frees the
// address for its owner.
func TestTickRemovesUnverifiedAccounts(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		e.Do(nil, "POST", "/api/v1/auth/register", map[string]string{
			"email": "someone@example.org", "password": "a squatter password", "name": "Squatter", "locale": "en",
		}).Want(t, http.StatusAccepted)
		count := func() int64 { return e.Count("users", "email = ?", "someone@example.org") }
		e.Clock.Advance(7*24*time.Hour - time.Minute)
		e.Tick()
		if count() != 1 {
			t.Fatal("removed before seven days")
		}
		e.Clock.Advance(time.Minute)
		e.Tick()
		if count() != 0 {
			t.Fatal("the unverified account outlived seven days")
		}
	}, testenv.EmailVerification(), testenv.SessionsOnClock())
}
