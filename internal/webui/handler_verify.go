package webui

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
)

type verifyData struct{ Token string }

// verifyEmailForm is where the mailed link leads. It asks for a click
// rather than verifying at once: mail scanners open links too, and a GET
// must change nothing.
func (ui *UI) verifyEmailForm(c echo.Context) error {
	p := ui.newPage(c, "verify.title")
	p.Data = verifyData{Token: c.QueryParam("token")}
	return ui.render(c, http.StatusOK, "verify_email", p)
}

// verifyEmail uses up the token; the account may then sign in.
func (ui *UI) verifyEmail(c echo.Context) error {
	token := c.FormValue("token")
	err := ui.auth.VerifyEmail(c.Request().Context(), token)
	if err == nil {
		return redirect(c, "/login?notice=email_verified")
	}
	p := ui.newPage(c, "verify.title")
	p.Data = verifyData{Token: token}
	switch {
	case accord.KindOf(err) == accord.KindNotFound:
		p.Form.FailGeneral("err.link_invalid")
	case !p.Form.showErrors(err):
		return err
	}
	return ui.render(c, statusOf(err), "verify_email", p)
}
