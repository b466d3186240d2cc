package httpapi

import (
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

// enrolFirst answers 403 when auth.EnrolmentRequired holds for a, except
// on what a staff member who must turn on two-step sign-in may still
// reach: their account (/me) and the account routes under /auth/ (the
// enrolment, signing out, and refreshing or signing in, which a client
// may send with a still valid token).
func (s *Server) enrolFirst(c echo.Context, a accord.Actor) error {
	if p := c.Path(); p == APIPrefix+"/me" || strings.HasPrefix(p, APIPrefix+"/auth/") {
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
