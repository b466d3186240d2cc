package httpreply

import (
	"errors"
	"log/slog"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// unavailableRetryAfter is what a client is told to wait while the
// database is away: long enough not to hammer it, short enough for a
// restart or a failover.
const unavailableRetryAfter = 5

// Unavailable reports whether err, what a handler returned, is to be
// answered 503 rather than 500: the request failed because the database
// cannot serve for now (see store.IsUnavailable), so the client may retry
// and nothing of ours is broken. The kind→status table knows no 503; this
// is the one place that decides it. When it is so, Unavailable logs it and
// sets Retry-After, and the transport answers 503 in its own form.
func Unavailable(c echo.Context, err error, log *slog.Logger) bool {
	// Only errors no service explained: a refused upload that broke off
	// mid-body is the client's 400, whatever its cause says.
	var he *echo.HTTPError
	if err == nil || c.Response().Committed || c.Request().Context().Err() != nil ||
		accord.KindOf(err) != accord.KindInternal || errors.As(err, &he) || !store.IsUnavailable(err) {
		return false
	}
	log.Warn("database unavailable", "request_id", c.Response().Header().Get(echo.HeaderXRequestID),
		"path", c.Request().URL.Path, "error", err)
	c.Response().Header().Set(echo.HeaderRetryAfter, strconv.Itoa(unavailableRetryAfter))
	return true
}
