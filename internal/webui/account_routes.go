package webui

import "github.com/labstack/echo/v4"

// registerAccountPages adds the pages that get a person into an account
// by mail, and the users page on which an admin verifies an address.
func (ui *UI) registerAccountPages(e *echo.Echo, page, member []echo.MiddlewareFunc) {
	e.GET("/verify-email/resend", ui.blankForm("verify_resend.title", "verify_resend"), page...)
	e.POST("/verify-email/resend", ui.verifyResend, page...)
	e.GET("/password-reset", ui.blankForm("reset.title", "password_reset"), page...)
	e.POST("/password-reset", ui.passwordReset, page...)
	e.GET("/password-reset/confirm", ui.linkForm("reset_confirm.title", "password_reset_confirm"), page...)
	e.POST("/password-reset/confirm", ui.passwordResetConfirm, page...)
	e.GET("/organization/people", ui.organizationPeople, member...)
	e.POST("/organization/people", ui.inviteColleague, member...)
	e.POST("/organization/people/:id/remove", ui.removeColleague, member...)
	e.GET("/admin/users", ui.adminUsers, member...)
	e.POST("/admin/users/:id/verify", ui.adminVerifyUser, member...)
}
