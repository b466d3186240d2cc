package httpapi_test

import (
	"net/http"
	"testing"

	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// wantSignedIn fails the test unless this server still lets token's
// session in; what names the session.
func (e *testEnv) wantSignedIn(token, what string) {
	e.t.Helper()
	if res := e.do("GET", "/api/v1/me", nil, bearer(token)...); res.StatusCode != http.StatusOK {
		e.t.Fatalf("%s: %d %s", what, res.StatusCode, res.body)
	}
}

// wantSignedOut fails the test unless this server refuses token, its
// session ended.
func (e *testEnv) wantSignedOut(token string) {
	e.t.Helper()
	e.do("GET", "/api/v1/me", nil, bearer(token)...).problem(e.t, http.StatusUnauthorized)
}

// TestLogoutEndsTheSessionOnEveryServer: two servers share one database;
// signing out on one refuses the access token at once on both.
func TestLogoutEndsTheSessionOnEveryServer(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		a := newEnv(t, db)
		b := a.secondServer()
		pair := a.signUp("amina@example.org")
		other := b.login("amina@example.org", "correct horse battery")
		for _, e := range []*testEnv{a, b} {
			e.wantSignedIn(pair.AccessToken, "before sign-out")
		}
		a.do("POST", "/api/v1/auth/logout", httpapi.RefreshRequest{RefreshToken: pair.RefreshToken}, bearer(pair.AccessToken)...).
			want(t, http.StatusNoContent, "logout")
		for name, e := range map[string]*testEnv{"the same server": a, "the other server": b} {
			e.wantSignedOut(pair.AccessToken)
			e.wantSignedIn(other.AccessToken, name+": the other session was ended too")
		}

		b.do("POST", "/api/v1/auth/logout-all", nil, bearer(other.AccessToken)...).want(t, http.StatusNoContent, "logout-all")
		a.wantSignedOut(other.AccessToken)
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
		e.do("POST", "/api/v1/auth/password-reset/confirm", httpapi.ResetPasswordRequest{Token: token, Password: "a brand new password"}).
			want(t, http.StatusOK, "confirm")
		e.wantSignedOut(old.AccessToken)
	})
}

// TestLogoutWithoutBodyEndsTheBearersSession: a client that kept only the
// access token signs out with it.
func TestLogoutWithoutBodyEndsTheBearersSession(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		pair := e.signUp("amina@example.org")
		other := e.login("amina@example.org", "correct horse battery")
		e.do("POST", "/api/v1/auth/logout", nil, bearer(pair.AccessToken)...).want(t, http.StatusNoContent, "logout")
		e.wantSignedOut(pair.AccessToken)
		e.do("POST", "/api/v1/auth/refresh", httpapi.RefreshRequest{RefreshToken: pair.RefreshToken}).problem(t, http.StatusUnauthorized)
		e.wantSignedIn(other.AccessToken, "the other session")
	})
}
