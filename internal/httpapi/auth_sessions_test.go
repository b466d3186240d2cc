package httpapi_test

import (
	"net/http"
	"testing"

	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestLogoutEndsTheSessionOnEveryServer: two servers share one database;
// signing out on one refuses the access token at once on both.
func TestLogoutEndsTheSessionOnEveryServer(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		a := newEnv(t, db)
		b := a.secondServer()
		pair := a.signUp("amina@example.org")
		other := b.login("amina@example.org", "correct horse battery")
		for _, e := range []*testEnv{a, b} {
			if res := e.do("GET", "/api/v1/me", nil, bearer(pair.AccessToken)...); res.StatusCode != http.StatusOK {
				t.Fatalf("before sign-out: %d %s", res.StatusCode, res.body)
			}
		}
		res := a.do("POST", "/api/v1/auth/logout", httpapi.RefreshRequest{RefreshToken: pair.RefreshToken}, bearer(pair.AccessToken)...)
		if res.StatusCode != http.StatusNoContent {
			t.Fatalf("logout: %d %s", res.StatusCode, res.body)
		}
		for name, e := range map[string]*testEnv{"the same server": a, "the other server": b} {
			e.do("GET", "/api/v1/me", nil, bearer(pair.AccessToken)...).problem(t, http.StatusUnauthorized)
			if res := e.do("GET", "/api/v1/me", nil, bearer(other.AccessToken)...); res.StatusCode != http.StatusOK {
				t.Fatalf("%s: the other session was ended too: %d", name, res.StatusCode)
			}
		}

		res = b.do("POST", "/api/v1/auth/logout-all", nil, bearer(other.AccessToken)...)
		if res.StatusCode != http.StatusNoContent {
			t.Fatalf("logout-all: %d %s", res.StatusCode, res.body)
		}
		a.do("GET", "/api/v1/me", nil, bearer(other.AccessToken)...).problem(t, http.StatusUnauthorized)
	})
}

// TestPasswordResetEndsTheOldSessionAtOnce: the access token of a session
// from before a reset answers 401 as soon as the reset is confirmed.
func TestPasswordResetEndsTheOldSessionAtOnce(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		old := e.signUp("amina@example.org")
		e.do("POST", "/api/v1/auth/password-reset", httpapi.EmailRequest{Email: "amina@example.org"})
		token := linkTokenOf(t, e.mailedLink("password_reset", "amina@example.org"))
		res := e.do("POST", "/api/v1/auth/password-reset/confirm", httpapi.ResetPasswordRequest{Token: token, Password: "a brand new password"})
		if res.StatusCode != http.StatusOK {
			t.Fatalf("confirm: %d %s", res.StatusCode, res.body)
		}
		e.do("GET", "/api/v1/me", nil, bearer(old.AccessToken)...).problem(t, http.StatusUnauthorized)
	})
}

// TestLogoutWithoutBodyEndsTheBearersSession: a client that kept only the
// access token signs out with it.
func TestLogoutWithoutBodyEndsTheBearersSession(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		pair := e.signUp("amina@example.org")
		other := e.login("amina@example.org", "correct horse battery")
		if res := e.do("POST", "/api/v1/auth/logout", nil, bearer(pair.AccessToken)...); res.StatusCode != http.StatusNoContent {
			t.Fatalf("logout: %d %s", res.StatusCode, res.body)
		}
		e.do("GET", "/api/v1/me", nil, bearer(pair.AccessToken)...).problem(t, http.StatusUnauthorized)
		e.do("POST", "/api/v1/auth/refresh", httpapi.RefreshRequest{RefreshToken: pair.RefreshToken}).problem(t, http.StatusUnauthorized)
		if res := e.do("GET", "/api/v1/me", nil, bearer(other.AccessToken)...); res.StatusCode != http.StatusOK {
			t.Fatalf("the other session: %d", res.StatusCode)
		}
	})
}
