package webui

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
)

// session finds the signed-in user from the session cookies. An access
// token that has expired (or was refused) is replaced silently with the
// refresh token, so a reader stays signed in for the refresh token's
// lifetime without seeing a sign-in form every fifteen minutes. A refresh
// token that fails deletes both cookies: the visitor is then the public.
func (ui *UI) session(next echo.HandlerFunc) echo.HandlerFunc {
	next = ui.enrolFirst(next)
	return func(c echo.Context) error {
		v := visitOf(c)
		ctx := c.Request().Context()
		v.refresh = ui.cookieValue(c, refreshCookie)
		if access := ui.cookieValue(c, accessCookie); access != "" {
			a, err := ui.auth.Authenticate(ctx, access)
			switch {
			case err == nil:
				v.actor = a
				return next(c)
			case accord.KindOf(err) != accord.KindUnauthenticated:
				return err
			}
		}
		if v.refresh == "" {
			return next(c)
		}
		browser := ui.cookieValue(c, csrfCookie)
		if !validSeed(browser) {
			browser = ""
		}
		pair, err := ui.refreshes.refresh(ctx, ui.auth, v.refresh, browser, ui.now())
		if accord.KindOf(err) == accord.KindUnauthenticated {
			ui.clearSession(c)
			v.refresh = ""
			return next(c)
		}
		if err != nil {
			return err
		}
		ui.setSession(c, pair)
		v.refresh = pair.RefreshToken
		a, err := ui.auth.Authenticate(ctx, pair.AccessToken)
		if err != nil {
			return err
		}
		v.actor = a
		return next(c)
	}
}

// requireUser sends the public to the sign-in page, which brings them back
// here afterwards.
func (ui *UI) requireUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !visitOf(c).actor.Public() {
			return next(c)
		}
		back := c.Request().URL.RequestURI()
		if c.Request().Method != http.MethodGet {
			back = "/"
		}
		return c.Redirect(http.StatusSeeOther, "/login?notice=sign_in_required&next="+url.QueryEscape(back))
	}
}
