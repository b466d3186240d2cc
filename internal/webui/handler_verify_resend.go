package webui

import "github.com/labstack/echo/v4"

// verifyResend mails a new link if the address waits for one, and answers
// alike for every address, so the form tells nobody who has an account.
func (ui *UI) verifyResend(c echo.Context) error {
	if err := ui.auth.ResendVerification(c.Request().Context(), c.FormValue("email")); err != nil {
		return err
	}
	return redirect(c, "/login?notice=verification_resent")
}
