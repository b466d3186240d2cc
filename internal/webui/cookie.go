package webui

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/auth"
)

// Cookie names. The session cookies hold auth's own tokens, so a page and
// the API accept the same session. Served over https they carry the
// __Host- prefix (see cookieName).
const (
	accessCookie  = "accord_access"
	refreshCookie = "accord_refresh"
	csrfCookie    = "accord_csrf"
	langCookie    = "lang"
)

// sessionLifetime is how long a browser keeps the refresh cookie: auth's
// refresh-token lifetime, after which the server refuses it anyway.
const sessionLifetime = 30 * 24 * time.Hour

// langLifetime is how long a language picked from the switcher is
// remembered.
const langLifetime = 365 * 24 * time.Hour

// setCookie writes a cookie scoped to the whole site: HttpOnly (no script
// reads it; the pages have none), SameSite=Lax (sent on links followed
// from other sites, never on their forms' POSTs), and Secure when the
// public address is https. A zero maxAge deletes the cookie.
func (ui *UI) setCookie(c echo.Context, name, value string, maxAge time.Duration) {
	ck := &http.Cookie{
		Name:     ui.cookieName(name),
		Value:    value,
		Path:     "/",
		HttpOnly: true,
		Secure:   ui.cfg.UsesTLS(),
		SameSite: http.SameSiteLaxMode,
	}
	if maxAge > 0 {
		ck.MaxAge = int(maxAge / time.Second)
		ck.Expires = ui.now().Add(maxAge)
	} else {
		ck.MaxAge = -1
		ck.Expires = time.Unix(1, 0)
	}
	c.SetCookie(ck)
}

// setSession stores a token pair. The access cookie lives as long as the
// token; after that the refresh cookie brings a new pair.
func (ui *UI) setSession(c echo.Context, pair auth.TokenPair) {
	ui.setCookie(c, accessCookie, pair.AccessToken, time.Duration(pair.ExpiresIn)*time.Second)
	ui.setCookie(c, refreshCookie, pair.RefreshToken, sessionLifetime)
}

// clearSession deletes the session cookies.
func (ui *UI) clearSession(c echo.Context) {
	ui.setCookie(c, accessCookie, "", 0)
	ui.setCookie(c, refreshCookie, "", 0)
}

// cookieName is the name a cookie is set and read under. Over https it
// takes the __Host- prefix, with which browsers accept the cookie only if
// it is Secure, for the path / and without a Domain: a sibling subdomain
// can then neither plant nor overwrite it (cookie tossing).
func (ui *UI) cookieName(name string) string {
	if ui.cfg.UsesTLS() {
		return "__Host-" + name
	}
	return name
}

// cookieValue is the value of the request's cookie name, or "".
func (ui *UI) cookieValue(c echo.Context, name string) string {
	ck, err := c.Cookie(ui.cookieName(name))
	if err != nil {
		return ""
	}
	return ck.Value
}
