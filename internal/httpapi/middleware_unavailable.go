package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/httpreply"
)

// unavailable answers 503 with Retry-After, rather than 500, when a
// request failed because the database cannot serve for now
// (httpreply.Unavailable).
func (s *Server) unavailable(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		err := next(c)
		if !httpreply.Unavailable(c, err, s.log) {
			return err
		}
		return &echo.HTTPError{Code: http.StatusServiceUnavailable,
			Message: "The database is unavailable for a moment. Try again shortly.", Internal: err}
	}
}
