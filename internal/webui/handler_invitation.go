package webui

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"
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
	return ui.choosePassword(c, p, "invitation",
		func(ctx context.Context, password string) error {
			return ui.auth.AcceptInvitation(ctx, c.Param("token"), password)
		},
		func() error { return redirect(c, "/login?notice=invitation_accepted") })
}
