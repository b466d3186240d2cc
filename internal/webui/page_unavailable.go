package webui

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/i18n"
	"github.com/accord-coalition/accord/internal/store"
)

// unavailableRetryAfter is the wait suggested while the database is away.
const unavailableRetryAfter = 5

// unavailable shows the 503 page, with Retry-After, when a page failed
// because the database cannot serve for now (store.IsUnavailable) rather
// than the 500 page: nothing is broken, and a reload shortly will work. It
// sits right inside errorPages, so that the session lookup is covered too.
func (ui *UI) unavailable(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		err := next(c)
		var he *echo.HTTPError
		if err == nil || c.Response().Committed || c.Request().Context().Err() != nil ||
			accord.KindOf(err) != accord.KindInternal || errors.As(err, &he) || !store.IsUnavailable(err) {
			return err
		}
		ui.log.Warn("database unavailable", "path", c.Request().URL.Path,
			"request_id", c.Response().Header().Get(echo.HeaderXRequestID), "error", err)
		c.Response().Header().Set(echo.HeaderRetryAfter, strconv.Itoa(unavailableRetryAfter))
		v := visitOf(c)
		if v.locale == "" {
			v.locale = i18n.Match(c.Request().Header.Get("Accept-Language"))
		}
		p := ui.newPage(c, "error.503_title")
		p.Data = errorData{Text: p.T("error.503_text"), RequestID: c.Response().Header().Get(echo.HeaderXRequestID)}
		return ui.render(c, http.StatusServiceUnavailable, "error", p)
	}
}
