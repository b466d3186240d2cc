package httpapi_test

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

func TestRegisterLoginMe(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		res := e.do("POST", "/api/v1/auth/register", httpapi.RegisterRequest{Email: "Amina@Example.org", Password: "correct horse battery", Name: "Amina", Locale: "ar"})
		if res.StatusCode != http.StatusCreated {
			t.Fatalf("register: %d %s", res.StatusCode, res.body)
		}
		if strings.Contains(string(res.body), "password") || strings.Contains(string(res.body), "argon2") {
			t.Fatalf("register response reveals the password or its hash: %s", res.body)
		}
		var u auth.User
		res.json(t, &u)
		if u.Email != "amina@example.org" || u.Role != accord.RoleApplicant || u.Locale != "ar" {
			t.Fatalf("registered %+v", u)
		}

		pair := e.login("amina@example.org", "correct horse battery")
		if pair.TokenType != "Bearer" || pair.AccessToken == "" || pair.RefreshToken == "" || pair.ExpiresIn != 900 {
			t.Fatalf("token pair %+v", pair)
		}
		me := e.do("GET", "/api/v1/me", nil, bearer(pair.AccessToken)...)
		if me.StatusCode != http.StatusOK {
			t.Fatalf("me: %d %s", me.StatusCode, me.body)
		}
		var got auth.User
		me.json(t, &got)
		if got.ID != u.ID {
			t.Fatalf("me is %s, want %s", got.ID, u.ID)
		}
	})
}

func TestLoginWrongPasswordIsProblem(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		e.signUp("amina@example.org")
		wrongPassword := e.do("POST", "/api/v1/auth/login", httpapi.LoginRequest{Email: "amina@example.org", Password: "not the password"})
		p := wrongPassword.problem(t, http.StatusUnauthorized)
		if !strings.HasPrefix(wrongPassword.Header.Get("WWW-Authenticate"), "Bearer") {
			t.Fatalf("WWW-Authenticate = %q", wrongPassword.Header.Get("WWW-Authenticate"))
		}
		if p.Type != "about:blank" || p.Title != "Unauthorized" || p.RequestID == "" {
			t.Fatalf("problem %+v", p)
		}
		wrongEmail := e.do("POST", "/api/v1/auth/login", httpapi.LoginRequest{Email: "nobody@example.org", Password: "not the password"})
		if q := wrongEmail.problem(t, http.StatusUnauthorized); q.Detail != p.Detail {
			t.Fatalf("wrong email says %q, wrong password %q: they must not differ", q.Detail, p.Detail)
		}
	})
}

func TestUnsignedAndForgedTokens(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		pair := e.signUp("amina@example.org")
		// An alg=none token with the same claims must not pass.
		parts := strings.Split(pair.AccessToken, ".")
		header := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`))
		for name, token := range map[string]string{
			"alg none":       header + "." + parts[1] + ".",
			"bad signature":  parts[0] + "." + parts[1] + "." + strings.Repeat("A", len(parts[2])),
			"garbage":        "not-a-token",
			"refresh as jwt": pair.RefreshToken,
		} {
			res := e.do("GET", "/api/v1/me", nil, bearer(token)...)
			res.problem(t, http.StatusUnauthorized)
			if res.Header.Get("WWW-Authenticate") == "" {
				t.Errorf("%s: no WWW-Authenticate", name)
			}
		}
		e.do("GET", "/api/v1/me", nil).problem(t, http.StatusUnauthorized)
		// A stale token must not stop a public route from working.
		res := e.do("POST", "/api/v1/auth/login", httpapi.LoginRequest{Email: "amina@example.org", Password: "correct horse battery"}, bearer("not-a-token")...)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("login with a stale bearer: %d %s", res.StatusCode, res.body)
		}
	})
}

func TestRegisterInvalidValues(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		res := e.do("POST", "/api/v1/auth/register", httpapi.RegisterRequest{Email: "not an email", Password: "short", Name: "  ", Locale: "xx"})
		p := res.problem(t, http.StatusUnprocessableEntity)
		for _, f := range []string{"email", "password", "name", "locale"} {
			if !hasField(p, f) {
				t.Errorf("errors do not name %q: %s", f, res.body)
			}
		}
		e.signUp("amina@example.org")
		dup := e.do("POST", "/api/v1/auth/register", httpapi.RegisterRequest{Email: "amina@example.org", Password: "another long password", Name: "Other", Locale: "fr"})
		if p := dup.problem(t, http.StatusUnprocessableEntity); !hasField(p, "email") {
			t.Fatalf("duplicate email: %s", dup.body)
		}
	})
}

func TestLoginRateLimited(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		e.signUp("amina@example.org")
		for i := range 15 {
			res := e.do("POST", "/api/v1/auth/login", httpapi.LoginRequest{Email: "amina@example.org", Password: "guess " + strconv.Itoa(i)})
			if res.StatusCode == http.StatusUnauthorized {
				continue
			}
			res.problem(t, http.StatusTooManyRequests)
			secs, err := strconv.Atoi(res.Header.Get("Retry-After"))
			if err != nil || secs < 1 {
				t.Fatalf("Retry-After = %q", res.Header.Get("Retry-After"))
			}
			if i < 10 {
				t.Fatalf("limited after %d failures; the limit is 10", i)
			}
			return
		}
		t.Fatal("15 wrong passwords in a row were never rate limited")
	})
}

func TestRefreshRotationAndReuse(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		first := e.signUp("amina@example.org")
		res := e.do("POST", "/api/v1/auth/refresh", httpapi.RefreshRequest{RefreshToken: first.RefreshToken})
		if res.StatusCode != http.StatusOK {
			t.Fatalf("refresh: %d %s", res.StatusCode, res.body)
		}
		var second auth.TokenPair
		res.json(t, &second)
		if second.RefreshToken == first.RefreshToken {
			t.Fatal("refresh did not rotate the token")
		}
		// The first token again: stolen. It fails, and ends the family.
		e.do("POST", "/api/v1/auth/refresh", httpapi.RefreshRequest{RefreshToken: first.RefreshToken}).problem(t, http.StatusUnauthorized)
		e.do("POST", "/api/v1/auth/refresh", httpapi.RefreshRequest{RefreshToken: second.RefreshToken}).problem(t, http.StatusUnauthorized)

		blank := e.do("POST", "/api/v1/auth/refresh", httpapi.RefreshRequest{})
		if p := blank.problem(t, http.StatusUnprocessableEntity); !hasField(p, "refresh_token") {
			t.Fatalf("blank token: %s", blank.body)
		}
	})
}

func TestLogout(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		pair := e.signUp("amina@example.org")
		e.do("POST", "/api/v1/auth/logout", httpapi.RefreshRequest{RefreshToken: pair.RefreshToken}).problem(t, http.StatusUnauthorized)
		res := e.do("POST", "/api/v1/auth/logout", httpapi.RefreshRequest{RefreshToken: pair.RefreshToken}, bearer(pair.AccessToken)...)
		if res.StatusCode != http.StatusNoContent {
			t.Fatalf("logout: %d %s", res.StatusCode, res.body)
		}
		e.do("POST", "/api/v1/auth/refresh", httpapi.RefreshRequest{RefreshToken: pair.RefreshToken}).problem(t, http.StatusUnauthorized)

		other := e.login("amina@example.org", "correct horse battery")
		third := e.login("amina@example.org", "correct horse battery")
		res = e.do("POST", "/api/v1/auth/logout-all", nil, bearer(other.AccessToken)...)
		if res.StatusCode != http.StatusNoContent {
			t.Fatalf("logout-all: %d %s", res.StatusCode, res.body)
		}
		e.do("POST", "/api/v1/auth/refresh", httpapi.RefreshRequest{RefreshToken: third.RefreshToken}).problem(t, http.StatusUnauthorized)
	})
}

func TestCreateUserAndAcceptInvitation(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		admin := e.staff("admin@example.org", accord.RoleAdmin)
		res := e.do("POST", "/api/v1/users", httpapi.CreateUserRequest{Email: "hub@example.org", Name: "Hub", Role: accord.RoleSecretariat, Locale: "en"}, bearer(admin.AccessToken)...)
		if res.StatusCode != http.StatusCreated {
			t.Fatalf("create user: %d %s", res.StatusCode, res.body)
		}
		var created httpapi.CreateUserResponse
		res.json(t, &created)
		if created.User == nil || created.User.Role != accord.RoleSecretariat || created.Invitation == nil {
			t.Fatalf("created %s", res.body)
		}
		token := created.Invitation.URL[strings.LastIndex(created.Invitation.URL, "/")+1:]
		res = e.do("POST", "/api/v1/auth/accept-invitation", httpapi.AcceptInvitationRequest{Token: token, Password: "hub password 2026"})
		if res.StatusCode != http.StatusNoContent {
			t.Fatalf("accept invitation: %d %s", res.StatusCode, res.body)
		}
		e.login("hub@example.org", "hub password 2026")
		e.do("POST", "/api/v1/auth/accept-invitation", httpapi.AcceptInvitationRequest{Token: token, Password: "another password 1"}).problem(t, http.StatusNotFound)

		applicant := e.signUp("amina@example.org")
		e.do("POST", "/api/v1/users", httpapi.CreateUserRequest{Email: "x@example.org", Name: "X", Role: accord.RoleAdmin}, bearer(applicant.AccessToken)...).problem(t, http.StatusForbidden)
		e.do("POST", "/api/v1/users", httpapi.CreateUserRequest{Email: "x@example.org", Name: "X", Role: accord.RoleAdmin}).problem(t, http.StatusUnauthorized)
		bad := e.do("POST", "/api/v1/users", httpapi.CreateUserRequest{Email: "sp@example.org", Name: "SP", Role: accord.RoleStateParty, Locale: "en"}, bearer(admin.AccessToken)...)
		if p := bad.problem(t, http.StatusUnprocessableEntity); !hasField(p, "country") {
			t.Fatalf("state party without a country: %s", bad.body)
		}
	})
}
