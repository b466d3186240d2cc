package httpapi_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/testenv"
)

// testOrigin is the page origin of testenv's public address.
const testOrigin = "http://accord.test"

// addPasskey registers a passkey of a new software authenticator for u and
// returns the authenticator and the answer.
func addPasskey(t *testing.T, e *testenv.Env, u *testenv.User, name string) (*testenv.Authenticator, auth.PasskeyCreated) {
	t.Helper()
	a := testenv.NewAuthenticator(t, testOrigin)
	options := e.Call(u, "POST", "/auth/webauthn/registration", nil).Want(t, http.StatusOK).Body
	var created auth.PasskeyCreated
	e.Call(u, "POST", "/auth/webauthn/passkeys", map[string]any{"name": name, "credential": a.Register(t, options)}).
		Want(t, http.StatusCreated).Decode(t, &created)
	return a, created
}

// passkeyStep signs in with the password, asks for the assertion options
// of the second step and returns the step's token and the options.
func passkeyStep(t *testing.T, e *testenv.Env, email string) (string, []byte) {
	t.Helper()
	var a mfaAnswer
	e.Call(nil, "POST", "/auth/login", map[string]string{"email": email, "password": testenv.Password}).
		Want(t, http.StatusOK).Decode(t, &a)
	if !a.MFARequired || !slices.Contains(a.Methods, "webauthn") {
		t.Fatalf("first step answered %+v; want a second step offering webauthn", a)
	}
	options := e.Call(nil, "POST", "/auth/webauthn/login/options", map[string]string{"mfa_token": a.MFAToken}).
		Want(t, http.StatusOK).Body
	return a.MFAToken, options
}

func passkeyLogin(e *testenv.Env, token string, cred json.RawMessage) (int, auth.TokenPair) {
	r := e.Call(nil, "POST", "/auth/webauthn/login", map[string]any{"mfa_token": token, "credential": cred})
	var pair auth.TokenPair
	_ = json.Unmarshal(r.Body, &pair)
	return r.Status, pair
}

// TestPasskeySignIn: registering a passkey (with recovery codes, as the
// first second factor), listing it, signing in with it, and every way an
// assertion is refused: a replay, another origin, an unknown credential,
// a counter set back. Then removal, by its owner only.
func TestPasskeySignIn(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		u := e.Staff(accord.RoleApplicant)
		a, created := addPasskey(t, e, u, "Laptop")
		if len(created.RecoveryCodes) != 10 || created.Passkey.Name != "Laptop" || created.Passkey.ID == "" {
			t.Fatalf("registration answered %+v; want the passkey and ten recovery codes", created)
		}
		// The registration's challenge is used up.
		e.Call(u, "POST", "/auth/webauthn/passkeys", map[string]any{"name": "Again", "credential": a.Register(t, e.Call(u, "POST", "/auth/webauthn/registration", nil).Body)}).
			Want(t, http.StatusConflict) // the same authenticator twice
		e.Call(u, "POST", "/auth/webauthn/passkeys", map[string]any{"credential": testenv.NewAuthenticator(t, testOrigin).Register(t, []byte(`{"publicKey":{"challenge":"AAAAAAAAAAAAAAAAAAAAAA","user":{"id":"AAAA"}}}`))}).
			Want(t, http.StatusConflict) // no registration under way

		var list struct{ Items []auth.PasskeyInfo }
		e.Call(u, "GET", "/auth/webauthn/passkeys", nil).Want(t, http.StatusOK).Decode(t, &list)
		if len(list.Items) != 1 || list.Items[0].Name != "Laptop" || list.Items[0].LastUsedAt != nil {
			t.Fatalf("list %+v", list.Items)
		}

		var first mfaAnswer
		e.Call(nil, "POST", "/auth/login", map[string]string{"email": u.Email, "password": testenv.Password}).
			Want(t, http.StatusOK).Decode(t, &first)
		if !slices.Equal(first.Methods, []string{"webauthn", "recovery"}) || first.AccessToken != "" {
			t.Fatalf("first step answered %+v", first)
		}

		token, options := passkeyStep(t, e, u.Email)
		cred := a.Assert(t, options)
		status, pair := passkeyLogin(e, token, cred)
		if status != http.StatusOK || pair.AccessToken == "" {
			t.Fatalf("passkey sign-in: %d", status)
		}
		e.Call(&testenv.User{Token: pair.AccessToken}, "GET", "/me", nil).Want(t, http.StatusOK)
		// The same assertion again, with the used step or a new one: refused.
		if status, _ := passkeyLogin(e, token, cred); status != http.StatusUnauthorized {
			t.Fatalf("replay with the used step: %d, want 401", status)
		}
		token, _ = passkeyStep(t, e, u.Email)
		if status, _ := passkeyLogin(e, token, cred); status != http.StatusUnauthorized {
			t.Fatalf("replay in a new step: %d, want 401", status)
		}
		// That refusal used up the step's challenge: a good answer to it
		// is refused too, and new options are needed.
		e.Call(nil, "POST", "/auth/webauthn/login", map[string]any{"mfa_token": token, "credential": cred}).Want(t, http.StatusUnauthorized)

		// Another origin (a phishing page relaying the ceremony).
		token, options = passkeyStep(t, e, u.Email)
		a.Origin = "http://accord.example"
		if status, _ := passkeyLogin(e, token, a.Assert(t, options)); status != http.StatusUnauthorized {
			t.Fatalf("wrong origin: %d, want 401", status)
		}
		a.Origin = testOrigin

		// A credential the account never registered.
		token, options = passkeyStep(t, e, u.Email)
		stranger := testenv.NewAuthenticator(t, testOrigin)
		stranger.UserHandle = a.UserHandle
		if status, _ := passkeyLogin(e, token, stranger.Assert(t, options)); status != http.StatusUnauthorized {
			t.Fatalf("unknown credential: %d, want 401", status)
		}

		// A counter that went back: a cloned authenticator.
		token, options = passkeyStep(t, e, u.Email)
		a.SignCount = 0
		if status, _ := passkeyLogin(e, token, a.Assert(t, options)); status != http.StatusUnauthorized {
			t.Fatalf("counter set back: %d, want 401", status)
		}
		a.SignCount = 10
		token, options = passkeyStep(t, e, u.Email)
		if status, _ := passkeyLogin(e, token, a.Assert(t, options)); status != http.StatusOK {
			t.Fatalf("counter moved on: %d, want 200", status)
		}
		e.Call(u, "GET", "/auth/webauthn/passkeys", nil).Want(t, http.StatusOK).Decode(t, &list)
		if list.Items[0].LastUsedAt == nil {
			t.Fatal("last use not recorded")
		}

		// A recovery code stands in for the passkey.
		token, _ = passkeyStep(t, e, u.Email)
		e.Call(nil, "POST", "/auth/login/mfa", map[string]string{"mfa_token": token, "code": created.RecoveryCodes[0]}).
			Want(t, http.StatusOK)

		// Nobody else removes it; its owner does, and the recovery codes
		// go with the last second factor.
		other := e.Staff(accord.RoleApplicant)
		id := created.Passkey.ID
		e.Call(other, "DELETE", "/auth/webauthn/passkeys/"+id, nil).Want(t, http.StatusNotFound)
		e.Call(u, "DELETE", "/auth/webauthn/passkeys/not-an-id", nil).Want(t, http.StatusNotFound)
		e.Call(u, "DELETE", "/auth/webauthn/passkeys/"+id, nil).Want(t, http.StatusNoContent)
		e.Call(u, "DELETE", "/auth/webauthn/passkeys/"+id, nil).Want(t, http.StatusNotFound)
		if n := e.Count("recovery_codes", "user_id = ?", u.ID); n != 0 {
			t.Fatalf("%d recovery codes left without a second factor", n)
		}
		e.Login(u.Email, testenv.Password)
	}, testenv.SessionsOnClock())
}

// TestPasskeyRefusalsThrottled: refused assertions count with wrong codes;
// past the limit the second step answers 429.
func TestPasskeyRefusalsThrottled(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		u := e.Staff(accord.RoleApplicant)
		a, _ := addPasskey(t, e, u, "")
		limit := auth.DefaultConfig(nil).LoginLimit.PerAccount
		a.Origin = "http://accord.example"
		for range limit {
			token, options := passkeyStep(t, e, u.Email)
			if status, _ := passkeyLogin(e, token, a.Assert(t, options)); status != http.StatusUnauthorized {
				t.Fatalf("wrong origin: %d, want 401", status)
			}
		}
		a.Origin = testOrigin
		token, options := passkeyStep(t, e, u.Email)
		if status, _ := passkeyLogin(e, token, a.Assert(t, options)); status != http.StatusTooManyRequests {
			t.Fatalf("past the limit: %d, want 429", status)
		}
	}, testenv.SessionsOnClock())
}

// TestPasskeyBadInput: what is not a credential is a problem document,
// never a 500.
func TestPasskeyBadInput(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		u := e.Staff(accord.RoleApplicant)
		e.Call(u, "POST", "/auth/webauthn/registration", nil).Want(t, http.StatusOK)
		for body, status := range map[string]int{
			`{"credential": "garbage"}`:                 http.StatusUnprocessableEntity,
			`{"credential": {}}`:                        http.StatusUnprocessableEntity,
			`{"credential": {"id": 5, "response": []}}`: http.StatusUnprocessableEntity,
			`{"name": "Laptop"}`:                        http.StatusUnprocessableEntity,
			`{"credential": null}`:                      http.StatusUnprocessableEntity,
			`{"nope": 1}`:                               http.StatusBadRequest,
			`{"credential": `:                           http.StatusBadRequest,
			`[]`:                                        http.StatusBadRequest,
			`{"name": 7, "credential": {}}`:             http.StatusBadRequest,
			`{"name": "a\u0001b", "credential": {}}`:    http.StatusUnprocessableEntity,
		} {
			testenv.Problem(t, e.Call(u, "POST", "/auth/webauthn/passkeys", body), status)
		}
		long := make([]rune, 101)
		for i := range long {
			long[i] = 'ب'
		}
		p := testenv.Problem(t, e.Call(u, "POST", "/auth/webauthn/passkeys", map[string]any{"name": string(long), "credential": map[string]any{}}),
			http.StatusUnprocessableEntity)
		if !testenv.HasField(p, "name") {
			t.Fatalf("a long name is not named: %+v", p)
		}

		// The limit is in characters: one hundred Arabic letters are a name.
		addPasskey(t, e, u, string(long[:100]))
		token, _ := passkeyStep(t, e, u.Email)
		testenv.Problem(t, e.Call(nil, "POST", "/auth/webauthn/login", map[string]any{"mfa_token": token, "credential": "x"}), http.StatusUnprocessableEntity)
		testenv.Problem(t, e.Call(nil, "POST", "/auth/webauthn/login", map[string]any{"mfa_token": token}), http.StatusUnprocessableEntity)
		testenv.Problem(t, e.Call(nil, "POST", "/auth/webauthn/login", map[string]any{"credential": map[string]any{}}), http.StatusUnprocessableEntity)
		testenv.Problem(t, e.Call(nil, "POST", "/auth/webauthn/login", map[string]any{"mfa_token": "not-a-token", "credential": map[string]any{}}), http.StatusUnauthorized)
		testenv.Problem(t, e.Call(nil, "POST", "/auth/webauthn/login/options", map[string]any{"mfa_token": "not-a-token"}), http.StatusUnauthorized)
		testenv.Problem(t, e.Call(nil, "POST", "/auth/webauthn/login/options", "{}"), http.StatusUnprocessableEntity)
		testenv.Problem(t, e.Call(nil, "POST", "/auth/webauthn/registration", nil), http.StatusUnauthorized)
		// A second step past its five minutes gives no options.
		e.Clock.Advance(6 * time.Minute)
		testenv.Problem(t, e.Call(nil, "POST", "/auth/webauthn/login/options", map[string]any{"mfa_token": token}), http.StatusUnauthorized)
	}, testenv.SessionsOnClock())
}

// TestPasskeySatisfiesStaffRule: under ACCORD_2FA=staff an admin without a
// second factor registers a passkey with the limited token, and the rule
// is then met exactly as by an authenticator app.
func TestPasskeySatisfiesStaffRule(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		admin := e.Staff(accord.RoleAdmin)
		e.Call(admin, "GET", "/memberships", nil).Want(t, http.StatusForbidden)
		_, created := addPasskey(t, e, admin, "Security key")
		e.Call(admin, "GET", "/memberships", nil).Want(t, http.StatusOK)
		// Removing the only passkey puts the rule back.
		e.Call(admin, "DELETE", "/auth/webauthn/passkeys/"+created.Passkey.ID, nil).Want(t, http.StatusNoContent)
		e.Call(admin, "GET", "/memberships", nil).Want(t, http.StatusForbidden)
	}, testenv.SessionsOnClock(), testenv.Configure(func(c *config.Config) { c.TwoFactor = auth.TwoFactorStaff }))
}

// TestPasskeysOffOnAnIPAddress: a server whose public address is an IP
// address cannot be a relying party; it says so instead of failing.
func TestPasskeysOffOnAnIPAddress(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		u := e.Staff(accord.RoleApplicant)
		testenv.Problem(t, e.Call(u, "POST", "/auth/webauthn/registration", nil), http.StatusConflict)
	}, testenv.BaseURL("http://127.0.0.1:8080"))
}
