package webui

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
)

// passwordReset mails the link, and answers alike for every address.
func (ui *UI) passwordReset(c echo.Context) error {
	if err := ui.auth.RequestPasswordReset(c.Request().Context(), c.FormValue("email")); err != nil {
		return err
	}
	return redirect(c, "/login?notice=reset_sent")
}

// passwordResetConfirm sets the new password; every session of the
// account ends, this browser's included, so the person signs in afresh.
func (ui *UI) passwordResetConfirm(c echo.Context) error {
	p := ui.newPage(c, "reset_confirm.title")
	token := c.FormValue("token")
	p.Data = linkData{Token: token}
	return ui.choosePassword(c, p, "password_reset_confirm",
		func(ctx context.Context, password string) error { return ui.auth.ResetPassword(ctx, token, password) },
		func() error {
			ui.clearSession(c)
			return redirect(c, "/login?notice=password_reset")
		})
}

// choosePassword takes the new password of a form reached by a mailed link
// (a reset or an invitation): it is required and typed twice alike, set
// keeps it, done answers once it is kept. A link unknown or already used
// is said on the form; page is shown again on any refusal.
func (ui *UI) choosePassword(c echo.Context, p *Page, page string, set func(ctx context.Context, password string) error, done func() error) error {
	password := c.FormValue("password")
	if password == "" {
		p.Form.Fail("password", "err.required")
	} else if password != c.FormValue("password_confirm") {
		p.Form.Fail("password_confirm", "err.password_mismatch")
	}
	if !p.Form.HasErrors() {
		err := set(c.Request().Context(), password)
		switch {
		case err == nil:
			return done()
		case accord.KindOf(err) == accord.KindNotFound:
			p.Form.FailGeneral("err.link_invalid")
		case !p.Form.showErrors(err, "password"):
			return err
		}
	}
	return ui.render(c, http.StatusUnprocessableEntity, page, p)
}
