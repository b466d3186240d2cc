package httpapi

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// unavailableRetryAfter is what a client is told to wait while the
// database is away: long enough not to hammer it, short enough for a
// restart or a failover.
const unavailableRetryAfter = 5

// unavailable answers 503 with Retry-After, rather than 500, when a
// request failed because the database cannot serve for now (see
// store.IsUnavailable): the client may retry, and nothing of ours is
// broken. The kind→status table knows no 503; this is the one place that
// makes it.
func (s *Server) unavailable(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		err := next(c)
		// Only errors no service explained: a refused upload that broke off
		// mid-body is the client's 400, whatever its cause says.
		if err == nil || c.Response().Committed || c.Request().Context().Err() != nil ||
			accord.KindOf(err) != accord.KindInternal || isHTTPError(err) || !store.IsUnavailable(err) {
			return err
		}
		s.log.Warn("database unavailable", "request_id", requestIDOf(c), "path", c.Request().URL.Path, "error", err)
		c.Response().Header().Set(echo.HeaderRetryAfter, strconv.Itoa(unavailableRetryAfter))
		return &echo.HTTPError{Code: http.StatusServiceUnavailable,
			Message: "The database is unavailable for a moment. Try again shortly.", Internal: err}
	}
}

func isHTTPError(err error) bool {
	var he *echo.HTTPError
	return errors.As(err, &he)
}
