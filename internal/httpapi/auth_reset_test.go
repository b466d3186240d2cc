package httpapi_test

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestPasswordResetOverTheAPI: the request answers alike for every
// address; the link works once; the session from before it ends at once.
func TestPasswordResetOverTheAPI(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		before := e.signUp("amina@example.org")

		known := e.do("POST", "/api/v1/auth/password-reset", httpapi.EmailRequest{Email: "amina@example.org"})
		unknown := e.do("POST", "/api/v1/auth/password-reset", httpapi.EmailRequest{Email: "nobody@example.org"})
		if known.StatusCode != http.StatusAccepted || unknown.StatusCode != known.StatusCode || !bytes.Equal(known.body, unknown.body) {
			t.Fatalf("known: %d %s; unknown: %d %s", known.StatusCode, known.body, unknown.StatusCode, unknown.body)
		}
		token := linkTokenOf(t, e.mailedLink("password_reset", "amina@example.org"))

		res := e.do("POST", "/api/v1/auth/password-reset/confirm", httpapi.ResetPasswordRequest{Token: token, Password: "short"})
		if p := res.problem(t, http.StatusUnprocessableEntity); !hasField(p, "password") {
			t.Fatalf("short password: %s", res.body)
		}
		res = e.do("POST", "/api/v1/auth/password-reset/confirm", httpapi.ResetPasswordRequest{Token: token, Password: "a brand new password"})
		if res.StatusCode != http.StatusOK {
			t.Fatalf("confirm: %d %s", res.StatusCode, res.body)
		}
		e.do("POST", "/api/v1/auth/password-reset/confirm", httpapi.ResetPasswordRequest{Token: token, Password: "yet another password"}).
			problem(t, http.StatusNotFound)

		e.do("POST", "/api/v1/auth/refresh", httpapi.RefreshRequest{RefreshToken: before.RefreshToken}).problem(t, http.StatusUnauthorized)
		e.login("amina@example.org", "a brand new password")
	})
}
