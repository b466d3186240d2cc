package webui

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"rsc.io/qr"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

type twoStepData struct {
	On, Pending, Required bool
	Secret, OtpauthURL    string
	// RecoveryCodes are shown once, right after the confirmation.
	RecoveryCodes []string
	// Passkeys are the user's; PasskeysAvailable is false on a server
	// whose address cannot be a WebAuthn relying party.
	Passkeys          []auth.PasskeyInfo
	PasskeysAvailable bool
}

// registerTwoStepPages adds two-step sign-in: the account's enrolment page
// and the second step of signing in (docs/domain.md "Accounts").
func (ui *UI) registerTwoStepPages(e *echo.Echo, page, member []echo.MiddlewareFunc) {
	e.POST("/login/second-step", ui.loginSecondStep, page...)
	e.GET(twoStepPath, ui.twoStep, member...)
	e.POST(twoStepPath, ui.twoStepStart, member...)
	e.GET(twoStepPath+"/qr.png", ui.twoStepQR, member...)
	e.POST(twoStepPath+"/confirm", ui.twoStepConfirm, member...)
	e.POST(twoStepPath+"/off", ui.twoStepOff, member...)
	ui.registerPasskeyPages(e, page, member)
}

func (ui *UI) twoStep(c echo.Context) error {
	return ui.renderTwoStep(c, http.StatusOK, ui.newPage(c, "mfa.title"), nil)
}

func (ui *UI) renderTwoStep(c echo.Context, status int, p *Page, codes []string) error {
	ctx, a := c.Request().Context(), actorOf(c)
	on, err := ui.auth.TOTPEnabled(ctx, a.UserID)
	if err != nil {
		return err
	}
	keys, err := ui.auth.ListPasskeys(ctx, a)
	if err != nil {
		return err
	}
	d := twoStepData{On: on, RecoveryCodes: codes, Required: c.QueryParam("notice") == "two_step_required",
		Passkeys: keys, PasskeysAvailable: ui.auth.PasskeysAvailable()}
	if !on {
		e, pending, err := ui.auth.PendingTOTP(ctx, a)
		if err != nil {
			return err
		}
		d.Pending, d.Secret, d.OtpauthURL = pending, e.Secret, e.OtpauthURL
	}
	p.Data = d
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	return ui.render(c, status, "two_step", p)
}

func (ui *UI) twoStepStart(c echo.Context) error {
	if _, err := ui.auth.EnrolTOTP(c.Request().Context(), actorOf(c)); err != nil && accord.KindOf(err) != accord.KindConflict {
		return err
	}
	return redirect(c, twoStepPath)
}

// twoStepQR draws the pending enrolment's otpauth URL for the phone's
// camera; the same URL and secret are on the page as text.
func (ui *UI) twoStepQR(c echo.Context) error {
	e, pending, err := ui.auth.PendingTOTP(c.Request().Context(), actorOf(c))
	if err != nil {
		return err
	}
	if !pending {
		return echo.ErrNotFound
	}
	code, err := qr.Encode(e.OtpauthURL, qr.M)
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	return c.Blob(http.StatusOK, "image/png", code.PNG())
}

// codeFailed shows a refused code on the form, or returns what is not a
// refusal of the code.
func codeFailed(p *Page, err error) (int, error) {
	switch accord.KindOf(err) {
	case accord.KindInvalid, accord.KindUnauthenticated, accord.KindConflict:
		p.Form.FailGeneral("mfa.wrong_code")
		return http.StatusUnprocessableEntity, nil
	case accord.KindRateLimited:
		p.Form.FailGeneral("mfa.throttled")
		return http.StatusTooManyRequests, nil
	}
	return 0, err
}

func (ui *UI) twoStepConfirm(c echo.Context) error {
	p := ui.newPage(c, "mfa.title")
	codes, err := ui.auth.ConfirmTOTP(c.Request().Context(), actorOf(c), strings.TrimSpace(c.FormValue("code")))
	if err != nil {
		status, err := codeFailed(p, err)
		if err != nil {
			return err
		}
		return ui.renderTwoStep(c, status, p, nil)
	}
	return ui.renderTwoStep(c, http.StatusOK, p, codes)
}

func (ui *UI) twoStepOff(c echo.Context) error {
	p := ui.newPage(c, "mfa.title")
	if err := ui.auth.DisableTOTP(c.Request().Context(), actorOf(c), strings.TrimSpace(c.FormValue("code"))); err != nil {
		status, err := codeFailed(p, err)
		if err != nil {
			return err
		}
		return ui.renderTwoStep(c, status, p, nil)
	}
	return redirect(c, twoStepPath)
}

type secondStepData struct {
	Next, Token string
	// Passkey offers "Use a passkey": the account has one and the server
	// can check it.
	Passkey bool
	// App says the account has an authenticator app; without one the code
	// field asks only for a recovery code.
	App bool
}

// loginSecondStep completes a sign-in whose password was right with a code
// from the authenticator or a recovery code.
func (ui *UI) loginSecondStep(c echo.Context) error {
	p := ui.newPage(c, "mfa.second_step_title")
	next, token := localPath(c.FormValue("next")), c.FormValue("mfa_token")
	p.Data = secondStepData{Next: next, Token: token, Passkey: c.FormValue("passkey") == "on" && ui.auth.PasskeysAvailable(),
		App: c.FormValue("app") == "on"}
	code := strings.TrimSpace(c.FormValue("code"))
	if code == "" {
		p.Form.FailGeneral("mfa.wrong_code")
		return ui.render(c, http.StatusUnprocessableEntity, "login_second_step", p)
	}
	pair, err := ui.auth.LoginMFA(c.Request().Context(), token, code, c.RealIP())
	if err != nil {
		status, err := codeFailed(p, err)
		if err != nil {
			return err
		}
		return ui.render(c, status, "login_second_step", p)
	}
	ui.setSession(c, pair)
	ui.newCSRFSeed(c)
	if next == "" {
		next = "/"
	}
	return redirect(c, next)
}
