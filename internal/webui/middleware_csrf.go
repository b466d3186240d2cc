package webui

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
)

// csrfField is the hidden form field every form carries; csrfHeader is
// accepted too, for a script that may come later.
const (
	csrfField  = "csrf_token"
	csrfHeader = "X-CSRF-Token"
)

// csrf refuses an unsafe request (POST and the like) whose form token does
// not match the browser's CSRF cookie, and gives every page a token for
// its forms.
//
// The cookie holds a random seed per browser; the token is an HMAC of the
// seed and the signed-in session under a key derived from the server
// secret. A forging site can neither read the cookie nor compute the HMAC,
// and even one able to plant a cookie (from a sibling subdomain) cannot
// make a token to go with it — which a plain double-submit cookie would
// allow; nor does a cookie and token pair from an anonymous visit or from
// another session serve with the victim's session. SameSite=Lax on the
// session cookies is a second line, not the only one.
func (ui *UI) csrf(next echo.HandlerFunc) echo.HandlerFunc {
	return ui.issueCSRF(func(c echo.Context) error {
		switch c.Request().Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			return next(c)
		}
		sent := c.FormValue(csrfField)
		if sent == "" {
			sent = c.Request().Header.Get(csrfHeader)
		}
		want := visitOf(c).csrf
		if subtle.ConstantTimeCompare([]byte(sent), []byte(want)) != 1 {
			ui.log.InfoContext(c.Request().Context(), "csrf token refused",
				"path", c.Request().URL.Path, "request_id", c.Response().Header().Get(echo.HeaderXRequestID))
			return errCSRF
		}
		return next(c)
	})
}

// errCSRF renders the 403 page with its own explanation.
var errCSRF = accord.Forbidden("csrf token missing or wrong")

// issueCSRF makes sure the browser has a CSRF seed and puts the matching
// token in the visit, without checking anything.
func (ui *UI) issueCSRF(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		seed := ui.cookieValue(c, csrfCookie)
		if !validSeed(seed) {
			seed = ui.newCSRFSeed(c)
		}
		visitOf(c).csrf = ui.csrfToken(seed, visitOf(c).actor.SessionID)
		return next(c)
	}
}

// newCSRFSeed starts a new seed; signing in and out do so too, so that a
// token seen before the session changed is of no use after.
func (ui *UI) newCSRFSeed(c echo.Context) string {
	seed := rand.Text() + rand.Text()
	ui.setCookie(c, csrfCookie, seed, sessionLifetime)
	visitOf(c).csrf = ui.csrfToken(seed, visitOf(c).actor.SessionID)
	return seed
}

// csrfToken binds the browser's seed to the session (empty for the
// public): a token is good only with the seed and the session it was made
// for, so one taken from another visit cannot be replayed with a victim's.
func (ui *UI) csrfToken(seed, session string) string {
	m := hmac.New(sha256.New, ui.csrfKey)
	m.Write([]byte(seed))
	m.Write([]byte{0})
	m.Write([]byte(session))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// validSeed accepts what newCSRFSeed makes: 52 base32 characters.
func validSeed(s string) bool {
	if len(s) != 52 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '2' && r <= '7') {
			return false
		}
	}
	return true
}
