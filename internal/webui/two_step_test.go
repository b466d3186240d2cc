package webui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/testenv"
)

var (
	secretRE   = regexp.MustCompile(`<code dir="ltr">([A-Z2-7]+)</code>`)
	recoveryRE = regexp.MustCompile(`<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>`)
	mfaTokenRE = regexp.MustCompile(`name="mfa_token" value="([^"]+)"`)
)

// TestTwoStepOnTheWeb: an admin under ACCORD_2FA=staff is sent to the
// enrolment, sees the key, the link and the QR code, confirms with a code
// and gets ten recovery codes once; then the pages open, and signing in
// takes a second step (in the browser's French before the account's
// language is known), with a code or a recovery code.
func TestTwoStepOnTheWeb(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		admin := e.Staff(accord.RoleAdmin)
		b := e.BrowserAs(admin, "fr")
		b.Get("/inbox").WantRedirect(t, "/account/two-step?notice=two_step_required")
		b.Get("/account").WantStatus(t, http.StatusOK)

		b.Submit("/account/two-step", "/account/two-step", url.Values{}).WantRedirect(t, "/account/two-step")
		page := b.Get("/account/two-step")
		page.WantContains(t, "Two-step sign-in", "otpauth://totp/Accord:", `src="/account/two-step/qr.png"`)
		secret := page.Match(t, secretRE)
		qr := b.Get("/account/two-step/qr.png")
		qr.WantStatus(t, http.StatusOK)
		if qr.Header.Get("Content-Type") != "image/png" || !strings.HasPrefix(qr.Body, "\x89PNG") {
			t.Fatalf("QR code answered %s", qr.Header.Get("Content-Type"))
		}

		b.Submit("/account/two-step", "/account/two-step/confirm", url.Values{"code": {"000000"}}).
			WantStatus(t, http.StatusUnprocessableEntity)
		done := b.Submit("/account/two-step", "/account/two-step/confirm", url.Values{"code": {e.TOTPCode(secret)}})
		done.WantStatus(t, http.StatusOK)
		codes := recoveryRE.FindAllStringSubmatch(done.Body, -1)
		if len(codes) != 10 {
			t.Fatalf("%d recovery codes on the page, want 10", len(codes))
		}
		b.Get("/account/two-step").WantLacks(t, codes[0][1])
		b.Get("/inbox").WantStatus(t, http.StatusOK)

		// Signing in again takes the second step.
		e.Clock.Advance(time.Minute)
		c := e.Browser("fr")
		first := c.Login(admin.Email, testenv.Password)
		first.WantStatus(t, http.StatusOK)
		first.WantContains(t, "Saisissez votre code", codeOrRecoveryFR, `name="app" value="on"`)
		tok := first.Match(t, mfaTokenRE)
		wrong := c.Submit("/login", "/login/second-step", url.Values{"mfa_token": {tok}, "code": {"111111"}, "app": {"on"}})
		wrong.WantStatus(t, http.StatusUnprocessableEntity)
		wrong.WantContains(t, codeOrRecoveryFR)
		c.Submit("/login", "/login/second-step", url.Values{"mfa_token": {tok}, "code": {codes[1][1]}}).WantRedirect(t, "/")
		c.Get("/inbox").WantStatus(t, http.StatusOK)

		d := e.Browser("en")
		tok = d.Login(admin.Email, testenv.Password).Match(t, mfaTokenRE)
		d.Submit("/login", "/login/second-step", url.Values{"mfa_token": {tok}, "code": {e.TOTPCode(secret)}}).WantRedirect(t, "/")
	}, testenv.SessionsOnClock(), testenv.Configure(func(c *config.Config) { c.TwoFactor = auth.TwoFactorStaff }))
}

// codeOrRecoveryFR labels the code field of an account with an
// authenticator app, in French.
const codeOrRecoveryFR = "Code de l’application, ou code de secours"
