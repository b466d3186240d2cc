package webui

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"
)

type invitationData struct{ Action string }

// invitationPage is the invitation's form, which posts back to the link
// it was reached by: the token stays in the address, not in a field.
func (ui *UI) invitationPage(c echo.Context) *Page {
	p := ui.newPage(c, "invitation.title")
	p.Data = invitationData{Action: c.Request().URL.Path}
	return p
}

// invitationForm is where an invited coordinator, secretariat member,
// State focal point or admin chooses a password.
func (ui *UI) invitationForm(c echo.Context) error {
	return ui.render(c, http.StatusOK, "invitation", ui.invitationPage(c))
}

// acceptInvitation sets the password; the invited user then signs in.
func (ui *UI) acceptInvitation(c echo.Context) error {
	return ui.choosePassword(c, ui.invitationPage(c), "invitation",
		func(ctx context.Context, password string) error {
			return ui.auth.AcceptInvitation(ctx, c.Param("token"), password)
		},
		func() error { return redirect(c, "/login?notice=invitation_accepted") })
}
