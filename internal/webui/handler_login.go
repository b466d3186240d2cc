package webui

import (
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/httpreply"
)

type loginData struct{ Next string }

func (ui *UI) loginForm(c echo.Context) error {
	p := ui.newPage(c, "login.title")
	p.Data = loginData{Next: localPath(c.QueryParam("next"))}
	return ui.render(c, http.StatusOK, "login", p)
}

// login signs in with the form's email and password and puts the token
// pair into the session cookies. Every refusal is shown on the form, with
// the email kept.
func (ui *UI) login(c echo.Context) error {
	p := ui.newPage(c, "login.title")
	next := localPath(c.FormValue("next"))
	p.Data = loginData{Next: next}
	p.Form.Keep(c, "email")
	email, password := strings.TrimSpace(c.FormValue("email")), c.FormValue("password")
	if email == "" {
		p.Form.Fail("email", "err.required")
	}
	if password == "" {
		p.Form.Fail("password", "err.required")
	}
	if p.Form.HasErrors() {
		return ui.render(c, http.StatusUnprocessableEntity, "login", p)
	}
	res, err := ui.auth.SignIn(c.Request().Context(), email, password, c.RealIP())
	if err != nil {
		switch accord.KindOf(err) {
		case accord.KindUnauthenticated:
			p.Form.FailGeneral("login.failed")
			return ui.render(c, http.StatusUnauthorized, "login", p)
		case accord.KindForbidden:
			p.Form.FailGeneral("login.unverified")
			return ui.render(c, http.StatusForbidden, "login", p)
		}
		if p.Form.showErrors(err, "email", "password") {
			return ui.render(c, statusOf(err), "login", p)
		}
		return err
	}
	if res.MFA != nil {
		p := ui.newPage(c, "mfa.second_step_title")
		p.Data = secondStepData{Next: next, Token: res.MFA.MFAToken,
			Passkey: slices.Contains(res.MFA.Methods, "webauthn") && ui.auth.PasskeysAvailable(),
			App:     slices.Contains(res.MFA.Methods, "totp")}
		return ui.render(c, http.StatusOK, "login_second_step", p)
	}
	pair := *res.Pair
	ui.setSession(c, pair)
	ui.newCSRFSeed(c)
	if next == "" {
		next = "/"
	}
	return redirect(c, next)
}

// statusOf is the status a form answers with when it shows err.
func statusOf(err error) int {
	return httpreply.StatusOf(err)
}
