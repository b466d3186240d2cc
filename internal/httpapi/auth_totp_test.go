package httpapi_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/testenv"
)

type mfaAnswer struct {
	MFARequired bool     `json:"mfa_required"`
	MFAToken    string   `json:"mfa_token"`
	Methods     []string `json:"methods"`
	AccessToken string   `json:"access_token"`
}

// enrol turns two-step sign-in on for u and returns the secret and the
// recovery codes.
func enrol(t *testing.T, e *testenv.Env, u *testenv.User) (string, []string) {
	t.Helper()
	var en auth.TOTPEnrolment
	e.Call(u, "POST", "/auth/totp", nil).Want(t, http.StatusOK).Decode(t, &en)
	if en.Secret == "" || en.OtpauthURL == "" {
		t.Fatalf("enrolment %+v", en)
	}
	var rc struct {
		RecoveryCodes []string `json:"recovery_codes"`
	}
	e.Call(u, "POST", "/auth/totp/confirm", map[string]string{"code": e.TOTPCode(en.Secret)}).
		Want(t, http.StatusOK).Decode(t, &rc)
	if len(rc.RecoveryCodes) != 10 {
		t.Fatalf("%d recovery codes, want 10", len(rc.RecoveryCodes))
	}
	return en.Secret, rc.RecoveryCodes
}

func firstStep(t *testing.T, e *testenv.Env, email string) string {
	t.Helper()
	var a mfaAnswer
	e.Call(nil, "POST", "/auth/login", map[string]string{"email": email, "password": testenv.Password}).
		Want(t, http.StatusOK).Decode(t, &a)
	if !a.MFARequired || a.MFAToken == "" || a.AccessToken != "" || len(a.Methods) != 2 {
		t.Fatalf("first step answered %+v; want the second step and no tokens", a)
	}
	return a.MFAToken
}

// TestTOTPSignIn: enrolment, a sign-in with a code, a replayed code
// refused, a recovery code working once, and turning it off.
func TestTOTPSignIn(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		u := e.Staff(accord.RoleApplicant)
		secret, codes := enrol(t, e, u)
		if n := e.Count("recovery_codes", "user_id = ? AND code_hash = ?", u.ID, codes[0]); n != 0 {
			t.Fatal("a recovery code is stored in clear")
		}
		if n := e.Count("user_totp", "user_id = ? AND secret_box = ?", u.ID, []byte(secret)); n != 0 {
			t.Fatal("the secret is stored in clear")
		}

		e.Clock.Advance(time.Minute)
		token := firstStep(t, e, u.Email)
		code := e.TOTPCode(secret)
		var pair auth.TokenPair
		e.Call(nil, "POST", "/auth/login/mfa", map[string]string{"mfa_token": token, "code": code}).
			Want(t, http.StatusOK).Decode(t, &pair)
		e.Call(&testenv.User{Token: pair.AccessToken}, "GET", "/me", nil).Want(t, http.StatusOK)
		// Neither token stands in for the other.
		e.Call(&testenv.User{Token: token}, "GET", "/me", nil).Want(t, http.StatusUnauthorized)
		e.Call(nil, "POST", "/auth/login/mfa", map[string]string{"mfa_token": pair.AccessToken, "code": e.TOTPCode(secret)}).
			Want(t, http.StatusUnauthorized)
		// The token is used up; the same code in a new sign-in is a replay.
		e.Call(nil, "POST", "/auth/login/mfa", map[string]string{"mfa_token": token, "code": code}).
			Want(t, http.StatusUnauthorized)
		e.Call(nil, "POST", "/auth/login/mfa", map[string]string{"mfa_token": firstStep(t, e, u.Email), "code": code}).
			Want(t, http.StatusUnauthorized)

		// A recovery code works once, in any case and without its dash.
		typed := codes[3][:5] + codes[3][6:]
		e.Call(nil, "POST", "/auth/login/mfa", map[string]string{"mfa_token": firstStep(t, e, u.Email), "code": typed}).
			Want(t, http.StatusOK)
		e.Call(nil, "POST", "/auth/login/mfa", map[string]string{"mfa_token": firstStep(t, e, u.Email), "code": codes[3]}).
			Want(t, http.StatusUnauthorized)

		// An expired second step is refused even with a right code.
		token = firstStep(t, e, u.Email)
		e.Clock.Advance(6 * time.Minute)
		e.Call(nil, "POST", "/auth/login/mfa", map[string]string{"mfa_token": token, "code": e.TOTPCode(secret)}).
			Want(t, http.StatusUnauthorized)

		// Turning it off takes a code; then the password alone signs in.
		e.Call(u, "DELETE", "/auth/totp", map[string]string{"code": "000000"}).Want(t, http.StatusUnprocessableEntity)
		e.Clock.Advance(time.Minute)
		e.Call(u, "DELETE", "/auth/totp", map[string]string{"code": e.TOTPCode(secret)}).Want(t, http.StatusNoContent)
		e.Login(u.Email, testenv.Password)
	}, testenv.SessionsOnClock())
}

// TestTOTPWrongCodesThrottled: wrong codes at the second step count like
// wrong passwords, per account and address: past the limit, 429 even for
// the right code.
func TestTOTPWrongCodesThrottled(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		u := e.Staff(accord.RoleApplicant)
		secret, _ := enrol(t, e, u)
		e.Clock.Advance(time.Minute)
		token := firstStep(t, e, u.Email)
		limit := auth.DefaultConfig(nil).LoginLimit.PerAccount
		for i := range limit {
			e.Call(nil, "POST", "/auth/login/mfa", map[string]string{"mfa_token": token, "code": fmt.Sprintf("%06d", 100000+i)}).
				Want(t, http.StatusUnauthorized)
		}
		r := e.Call(nil, "POST", "/auth/login/mfa", map[string]string{"mfa_token": token, "code": e.TOTPCode(secret)})
		r.Want(t, http.StatusTooManyRequests)
		if r.Header.Get("Retry-After") == "" {
			t.Fatal("429 without Retry-After")
		}
	}, testenv.SessionsOnClock())
}

// TestStaffMustEnrol: under ACCORD_2FA=staff an admin without two-step
// sign-in reaches only their account and the enrolment (403 elsewhere);
// once enrolled, everything again. An applicant is not asked.
func TestStaffMustEnrol(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		admin := e.Staff(accord.RoleAdmin)
		p := testenv.Problem(t, e.Call(admin, "GET", "/memberships", nil), http.StatusForbidden)
		if p.Detail == "" {
			t.Fatalf("403 without a detail saying to enrol: %+v", p)
		}
		e.Call(admin, "GET", "/me", nil).Want(t, http.StatusOK)
		applicant := e.Staff(accord.RoleApplicant)
		e.Call(applicant, "GET", "/memberships", nil).Want(t, http.StatusOK)

		enrol(t, e, admin)
		e.Call(admin, "POST", "/auth/totp", nil).Want(t, http.StatusConflict)
		e.Call(admin, "GET", "/memberships", nil).Want(t, http.StatusOK)
	}, testenv.SessionsOnClock(), testenv.Configure(func(c *config.Config) { c.TwoFactor = auth.TwoFactorStaff }))
}
