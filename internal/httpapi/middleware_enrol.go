package httpapi

import (
	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

// enrolmentRoutes are what a staff member who must turn on two-step
// sign-in may still reach: their account, the enrolment, signing out.
var enrolmentRoutes = map[string]bool{
	APIPrefix + "/me":                true,
	APIPrefix + "/auth/totp":         true,
	APIPrefix + "/auth/totp/confirm": true,
	APIPrefix + "/auth/logout":       true,
	APIPrefix + "/auth/logout-all":   true,
}

// enrolFirst answers 403 when auth.EnrolmentRequired holds for a and the
// route is not one of enrolmentRoutes.
func (s *Server) enrolFirst(c echo.Context, a accord.Actor) error {
	if enrolmentRoutes[c.Path()] {
		return nil
	}
	must, err := s.auth.EnrolmentRequired(c.Request().Context(), a)
	if err != nil {
		return err
	}
	if must {
		return auth.ErrEnrolFirst()
	}
	return nil
}
