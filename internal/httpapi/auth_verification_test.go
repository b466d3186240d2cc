package httpapi_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/testenv"
)

// mailedLink is the first link with a token in the newest message of
// template to email, as read from the outbox.
func (e *testEnv) mailedLink(template, email string) string {
	e.t.Helper()
	var bodies []string
	err := e.db.WithContext(context.Background()).Table("messages").
		Where("template = ? AND to_email = ?", template, email).Order("created_at DESC").Limit(1).Pluck("body", &bodies).Error
	if err != nil || len(bodies) == 0 {
		e.t.Fatalf("no %s message to %s (%v)", template, email, err)
	}
	link := regexp.MustCompile(`https?://\S+token=\S+`).FindString(bodies[0])
	if link == "" {
		e.t.Fatalf("no link in %s message: %s", template, bodies[0])
	}
	return link
}

func linkTokenOf(t *testing.T, link string) string {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get("token")
}

// TestRegisterTakenAddressLooksNew walks the default journey (verification
// on): a taken address gets the very answer a new one gets, its owner is
// told, and the new account signs in only after following its link.
func TestRegisterTakenAddressLooksNew(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db, testenv.EmailVerification())
		fresh := e.do("POST", "/api/v1/auth/register", httpapi.RegisterRequest{Email: "amina@example.org", Password: "correct horse battery", Name: "Amina", Locale: "fr"})
		taken := e.do("POST", "/api/v1/auth/register", httpapi.RegisterRequest{Email: "Amina@example.org", Password: "another long password", Name: "Mallory", Locale: "en"})
		if fresh.StatusCode != http.StatusAccepted || taken.StatusCode != fresh.StatusCode || !bytes.Equal(taken.body, fresh.body) {
			t.Fatalf("new address: %d %s; taken address: %d %s", fresh.StatusCode, fresh.body, taken.StatusCode, taken.body)
		}
		if got := string(bytes.TrimSpace(fresh.body)); got != `{"status":"check_email"}` {
			t.Fatalf("body %s", got)
		}
		if n := e.count("messages", "template = ? AND to_email = ?", "account_exists", "amina@example.org"); n != 1 {
			t.Fatalf("%d account_exists messages to the owner", n)
		}

		res := e.do("POST", "/api/v1/auth/login", httpapi.LoginRequest{Email: "amina@example.org", Password: "correct horse battery"})
		res.problem(t, http.StatusForbidden)

		for _, email := range []string{"amina@example.org", "nobody@example.org"} {
			r := e.do("POST", "/api/v1/auth/resend-verification", httpapi.EmailRequest{Email: email})
			if r.StatusCode != http.StatusAccepted || !bytes.Equal(r.body, fresh.body) {
				t.Fatalf("resend to %s: %d %s", email, r.StatusCode, r.body)
			}
		}
		token := linkTokenOf(t, e.mailedLink("verify_email", "amina@example.org"))
		if r := e.do("POST", "/api/v1/auth/verify-email", httpapi.TokenRequest{Token: token}); r.StatusCode != http.StatusNoContent {
			t.Fatalf("verify: %d %s", r.StatusCode, r.body)
		}
		e.login("amina@example.org", "correct horse battery")
	})
}
