package webui

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
)

// linkData is the token of a mailed link, which the form the link leads
// to posts back.
type linkData struct{ Token string }

// linkForm is the page a mailed link (to verify an address, to reset a
// password) leads to: a form that posts the link's token back. It asks
// for a click rather than acting at once: mail scanners open links too,
// and a GET must change nothing.
func (ui *UI) linkForm(title, page string) echo.HandlerFunc {
	return func(c echo.Context) error {
		p := ui.newPage(c, title)
		p.Data = linkData{Token: c.QueryParam("token")}
		return ui.render(c, http.StatusOK, page, p)
	}
}

// verifyEmail uses up the token; the account may then sign in.
func (ui *UI) verifyEmail(c echo.Context) error {
	token := c.FormValue("token")
	err := ui.auth.VerifyEmail(c.Request().Context(), token)
	if err == nil {
		return redirect(c, "/login?notice=email_verified")
	}
	p := ui.newPage(c, "verify.title")
	p.Data = linkData{Token: token}
	switch {
	case accord.KindOf(err) == accord.KindNotFound:
		p.Form.FailGeneral("err.link_invalid")
	case !p.Form.showErrors(err):
		return err
	}
	return ui.render(c, statusOf(err), "verify_email", p)
}
