package webui

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
)

type invitationData struct{ Action string }

// invitationForm is where an invited coordinator, secretariat member,
// State focal point or admin chooses a password.
func (ui *UI) invitationForm(c echo.Context) error {
	p := ui.newPage(c, "invitation.title")
	p.Data = invitationData{Action: c.Request().URL.Path}
	return ui.render(c, http.StatusOK, "invitation", p)
}

// acceptInvitation sets the password; the invited user then signs in.
func (ui *UI) acceptInvitation(c echo.Context) error {
	p := ui.newPage(c, "invitation.title")
	p.Data = invitationData{Action: c.Request().URL.Path}
	password := c.FormValue("password")
	if password == "" {
		p.Form.Fail("password", "err.required")
	} else if password != c.FormValue("password_confirm") {
		p.Form.Fail("password_confirm", "err.password_mismatch")
	}
	if !p.Form.HasErrors() {
		err := ui.auth.AcceptInvitation(c.Request().Context(), c.Param("token"), password)
		switch {
		case err == nil:
			return redirect(c, "/login?notice=invitation_accepted")
		case accord.KindOf(err) == accord.KindNotFound:
			p.Form.FailGeneral("err.link_invalid")
		case !p.Form.showErrors(err, "password"):
			return err
		}
	}
	return ui.render(c, http.StatusUnprocessableEntity, "invitation", p)
}
