package webui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/testenv"
)

var removeFormRE = regexp.MustCompile(`action="(/account/two-step/passkeys/[0-9a-f-]+/delete)"`)

// TestPasskeysOnTheWeb: an admin under ACCORD_2FA=staff adds a passkey on
// the two-step page (the script's two posts, made here by hand with a
// software authenticator), gets the recovery codes and the pages; the
// second step of signing in then offers "Use a passkey", in Arabic, and a
// refused assertion is said on the page. Removing the passkey is a plain
// form.
func TestPasskeysOnTheWeb(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		admin := e.Staff(accord.RoleAdmin)
		b := e.BrowserAs(admin, "en")
		page := b.Get("/account/two-step")
		page.WantContains(t, "Passkeys", `data-passkey="create"`, "You have no passkey yet.", `src="/static/passkey.`)
		csrf := page.Match(t, testenv.CSRF)

		// Options without the CSRF token are refused.
		b.Post("/account/two-step/passkeys/options", url.Values{}).WantStatus(t, http.StatusForbidden)
		options := b.PostToken("/account/two-step/passkeys/options", csrf, url.Values{})
		options.WantStatus(t, http.StatusOK)
		a := testenv.NewAuthenticator(t, "http://accord.test")
		cred := a.Register(t, []byte(options.Body))

		// A name too long is said beside its field.
		long := make([]rune, 101)
		for i := range long {
			long[i] = 'م'
		}
		b.PostToken("/account/two-step/passkeys", csrf, url.Values{"passkey_name": {string(long)}, "credential": {string(cred)}}).
			WantStatus(t, http.StatusUnprocessableEntity)
		// Garbage is refused on the page, never a server error.
		b.PostToken("/account/two-step/passkeys", csrf, url.Values{"credential": {"{not json"}}).
			WantStatus(t, http.StatusUnprocessableEntity)

		options = b.PostToken("/account/two-step/passkeys/options", csrf, url.Values{})
		cred = a.Register(t, []byte(options.Body))
		done := b.PostToken("/account/two-step/passkeys", csrf, url.Values{"passkey_name": {"Clé bleue"}, "credential": {string(cred)}})
		done.WantStatus(t, http.StatusOK)
		done.WantContains(t, "The passkey has been added.", "Clé bleue")
		if codes := recoveryRE.FindAllStringSubmatch(done.Body, -1); len(codes) != 10 {
			t.Fatalf("%d recovery codes on the page, want 10", len(codes))
		}
		b.Get("/inbox").WantStatus(t, http.StatusOK)

		// The second step, in Arabic: the passkey is offered.
		c := e.Browser("ar")
		first := c.Login(admin.Email, testenv.Password)
		first.WantStatus(t, http.StatusOK)
		first.WantContains(t, `dir="rtl"`, `data-passkey="get"`, "استخدام مفتاح مرور", "استخدم مفتاح المرور الخاص بك", "رمز الاسترداد")
		// Without an authenticator app the code field asks for a recovery
		// code only.
		if strings.Contains(first.Body, "الرمز من التطبيق") || strings.Contains(first.Body, `name="app"`) {
			t.Fatalf("the second step of a passkey-only account asks for the app's code:\n%s", testenv.Excerpt(first.Body))
		}
		tok := first.Match(t, mfaTokenRE)
		csrf = first.Match(t, testenv.CSRF)
		options = c.PostToken("/login/passkey/options", csrf, url.Values{"mfa_token": {"forged"}})
		options.WantStatus(t, http.StatusUnauthorized)
		options = c.PostToken("/login/passkey/options", csrf, url.Values{"mfa_token": {tok}})
		options.WantStatus(t, http.StatusOK)
		a.Origin = "http://accord.example"
		refused := c.PostToken("/login/passkey", csrf, url.Values{"mfa_token": {tok}, "credential": {string(a.Assert(t, []byte(options.Body)))}})
		refused.WantStatus(t, http.StatusUnprocessableEntity)
		refused.WantContains(t, "لم يُقبل مفتاح المرور", `data-passkey="get"`)
		a.Origin = "http://accord.test"
		options = c.PostToken("/login/passkey/options", csrf, url.Values{"mfa_token": {tok}})
		c.PostToken("/login/passkey", csrf, url.Values{"mfa_token": {tok}, "next": {"/inbox"}, "credential": {string(a.Assert(t, []byte(options.Body)))}}).
			WantRedirect(t, "/inbox")
		c.Get("/inbox").WantStatus(t, http.StatusOK)

		// Removing it: a plain form; the rule then applies again.
		page = b.Get("/account/two-step")
		b.Submit("/account/two-step", page.Match(t, removeFormRE), url.Values{}).WantRedirect(t, "/account/two-step?notice=passkey_removed")
		b.Get("/account/two-step?notice=passkey_removed").WantContains(t, "The passkey has been removed.", "You have no passkey yet.")
		b.Get("/inbox").WantRedirect(t, "/account/two-step?notice=two_step_required")
	}, testenv.SessionsOnClock(), testenv.Configure(func(c *config.Config) { c.TwoFactor = auth.TwoFactorStaff }))
}
