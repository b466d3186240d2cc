package webui

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// twoStepPath is the page on which two-step sign-in is turned on and off.
const twoStepPath = "/account/two-step"

// enrolFirst applies auth.EnrolmentRequired, the rule the API applies too:
// a staff member who must turn on two-step sign-in is sent to its page
// from every page but their account, that page and signing out.
func (ui *UI) enrolFirst(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		path := c.Request().URL.Path
		if path == "/account" || strings.HasPrefix(path, twoStepPath) || path == "/logout" || path == "/logout-all" ||
			strings.HasPrefix(path, "/login") {
			return next(c)
		}
		must, err := ui.auth.EnrolmentRequired(c.Request().Context(), visitOf(c).actor)
		if err != nil {
			return err
		}
		if must {
			return c.Redirect(http.StatusSeeOther, twoStepPath+"?notice=two_step_required")
		}
		return next(c)
	}
}
