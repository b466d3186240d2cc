package webui

import (
	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
)

// logout ends this browser's session. The cookies go whatever the server
// answers: a person who asked to sign out must be signed out here.
func (ui *UI) logout(c echo.Context) error {
	v := visitOf(c)
	if !v.actor.Public() && v.refresh != "" {
		err := ui.auth.Logout(c.Request().Context(), actorOf(c), v.refresh)
		if err != nil && accord.KindOf(err) == accord.KindInternal {
			return err
		}
	}
	ui.clearSession(c)
	ui.newCSRFSeed(c)
	return redirect(c, "/?notice=signed_out")
}

// logoutAll ends every session of the user, on every device. Access
// tokens already issued elsewhere lapse within their fifteen minutes.
func (ui *UI) logoutAll(c echo.Context) error {
	if err := ui.auth.LogoutAll(c.Request().Context(), actorOf(c)); err != nil {
		return err
	}
	ui.clearSession(c)
	ui.newCSRFSeed(c)
	return redirect(c, "/login?notice=signed_out_everywhere")
}
