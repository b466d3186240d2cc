package webui

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/httpreply"
)

// passkeysPath is where passkeys are added and removed, on the two-step
// sign-in page so that a staff member who must enrol may reach it.
const passkeysPath = twoStepPath + "/passkeys"

// registerPasskeyPages adds passkeys to the two-step sign-in page and to
// the second step of signing in. The browser's WebAuthn calls need a
// script (web/static/passkey.js): it fetches the options from the
// …/options routes, which answer JSON, and posts the browser's answer in
// the hidden credential field of an ordinary form, whose answer is a page.
// Removing a passkey is a plain form.
func (ui *UI) registerPasskeyPages(e *echo.Echo, page, member []echo.MiddlewareFunc) {
	e.POST("/login/passkey/options", ui.passkeyLoginOptions, page...)
	e.POST("/login/passkey", ui.passkeyLogin, page...)
	e.POST(passkeysPath+"/options", ui.passkeyOptions, member...)
	e.POST(passkeysPath, ui.passkeyAdd, member...)
	e.POST(passkeysPath+"/:id/delete", ui.passkeyRemove, member...)
}

// ceremonyRefused answers an options request the script cannot use: the
// status says what, and the script shows the page's own words for it.
func ceremonyRefused(c echo.Context, err error) error {
	if accord.KindOf(err) == accord.KindInternal {
		return err
	}
	return c.JSON(httpreply.StatusOf(err), map[string]string{"error": err.Error()})
}

func (ui *UI) passkeyOptions(c echo.Context) error {
	creation, err := ui.auth.BeginPasskeyRegistration(c.Request().Context(), actorOf(c))
	if err != nil {
		return ceremonyRefused(c, err)
	}
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	return c.JSON(http.StatusOK, creation)
}

func (ui *UI) passkeyAdd(c echo.Context) error {
	p := ui.newPage(c, "mfa.title")
	p.Form.Keep(c, "passkey_name")
	out, err := ui.auth.FinishPasskeyRegistration(c.Request().Context(), actorOf(c),
		c.FormValue("passkey_name"), []byte(c.FormValue("credential")))
	if err != nil {
		var ae *accord.Error
		switch {
		case errors.As(err, &ae) && ae.Kind == accord.KindInvalid && hasField(ae, "name"):
			p.Form.Fail("passkey_name", "passkey.name_invalid")
		case accord.KindOf(err) == accord.KindInvalid || accord.KindOf(err) == accord.KindConflict:
			p.Form.FailGeneral("passkey.failed")
		default:
			return err
		}
		return ui.renderTwoStep(c, http.StatusUnprocessableEntity, p, nil)
	}
	if len(out.RecoveryCodes) > 0 {
		p.Notice = p.T("passkey.added")
		return ui.renderTwoStep(c, http.StatusOK, p, out.RecoveryCodes)
	}
	return redirect(c, twoStepPath+"?notice=passkey_added")
}

func hasField(e *accord.Error, name string) bool {
	for _, f := range e.Fields {
		if f.Field == name {
			return true
		}
	}
	return false
}

func (ui *UI) passkeyRemove(c echo.Context) error {
	if err := ui.auth.RemovePasskey(c.Request().Context(), actorOf(c), c.Param("id")); err != nil {
		return err
	}
	return redirect(c, twoStepPath+"?notice=passkey_removed")
}

func (ui *UI) passkeyLoginOptions(c echo.Context) error {
	assertion, err := ui.auth.BeginPasskeyLogin(c.Request().Context(), c.FormValue("mfa_token"))
	if err != nil {
		return ceremonyRefused(c, err)
	}
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	return c.JSON(http.StatusOK, assertion)
}

// passkeyLogin completes a sign-in whose password was right with the
// browser's passkey assertion.
func (ui *UI) passkeyLogin(c echo.Context) error {
	p := ui.newPage(c, "mfa.second_step_title")
	next, token := localPath(c.FormValue("next")), c.FormValue("mfa_token")
	p.Data = secondStepData{Next: next, Token: token, Passkey: ui.auth.PasskeysAvailable(), App: c.FormValue("app") == "on"}
	pair, err := ui.auth.FinishPasskeyLogin(c.Request().Context(), token, []byte(strings.TrimSpace(c.FormValue("credential"))), c.RealIP())
	if err != nil {
		switch accord.KindOf(err) {
		case accord.KindInvalid, accord.KindUnauthenticated, accord.KindConflict:
			p.Form.FailGeneral("passkey.refused")
			return ui.render(c, http.StatusUnprocessableEntity, "login_second_step", p)
		case accord.KindRateLimited:
			p.Form.FailGeneral("mfa.throttled")
			return ui.render(c, http.StatusTooManyRequests, "login_second_step", p)
		}
		return err
	}
	ui.setSession(c, pair)
	ui.newCSRFSeed(c)
	if next == "" {
		next = "/"
	}
	return redirect(c, next)
}
