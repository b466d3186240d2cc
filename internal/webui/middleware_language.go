package webui

import (
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/i18n"
)

// language decides the language of the answer (i18n.Negotiate) and, when
// the visitor picked one with ?lang=, remembers it in the lang cookie.
// Pages differ by language and by session, which caches must know.
func (ui *UI) language(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		v := visitOf(c)
		query := strings.ToLower(strings.TrimSpace(c.QueryParam("lang")))
		if i18n.Supported(query) {
			ui.setCookie(c, langCookie, query, langLifetime)
		}
		v.locale = i18n.Negotiate(i18n.Choice{
			Query:          query,
			Cookie:         ui.cookieValue(c, langCookie),
			User:           v.actor.Locale,
			AcceptLanguage: c.Request().Header.Get("Accept-Language"),
		})
		h := c.Response().Header()
		h.Set("Content-Language", v.locale)
		h.Add(echo.HeaderVary, "Accept-Language, Cookie")
		// A signed-in page may hold personal data: a shared computer's
		// browser must not keep it. Public pages may be kept but checked.
		if v.actor.Public() {
			h.Set(echo.HeaderCacheControl, "private, no-cache")
		} else {
			h.Set(echo.HeaderCacheControl, "no-store")
		}
		return next(c)
	}
}
