package webui

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/httpreply"
	"github.com/accord-coalition/accord/internal/i18n"
)

// unavailable shows the 503 page, with Retry-After, when a page failed
// because the database cannot serve for now (httpreply.Unavailable) rather
// than the 500 page: nothing is broken, and a reload shortly will work. It
// sits right inside errorPages, so that the session lookup is covered too.
func (ui *UI) unavailable(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		err := next(c)
		if !httpreply.Unavailable(c, err, ui.log) {
			return err
		}
		v := visitOf(c)
		if v.locale == "" {
			v.locale = i18n.Match(c.Request().Header.Get("Accept-Language"))
		}
		p := ui.newPage(c, "error.503_title")
		p.Data = errorData{Text: p.T("error.503_text"), RequestID: c.Response().Header().Get(echo.HeaderXRequestID)}
		return ui.render(c, http.StatusServiceUnavailable, "error", p)
	}
}
