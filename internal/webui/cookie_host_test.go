package webui

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/config"
)

// TestHostPrefixedCookiesOverHTTPS: served over https, every cookie is set
// and read under the __Host- prefix, Secure and for the path /; a cookie
// without the prefix, such as one planted from a sibling subdomain, is
// not read.
func TestHostPrefixedCookiesOverHTTPS(t *testing.T) {
	ui := &UI{cfg: config.Config{BaseURL: "https://accord.example"}, now: time.Now}
	e := echo.New()
	rec := httptest.NewRecorder()
	c := e.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), rec)
	ui.setSession(c, auth.TokenPair{AccessToken: "a", RefreshToken: "r", ExpiresIn: 900})
	ui.setCookie(c, csrfCookie, "seed", time.Hour)
	names := map[string]bool{}
	for _, ck := range rec.Result().Cookies() {
		names[ck.Name] = true
		if !ck.Secure || ck.Path != "/" || ck.Domain != "" || !ck.HttpOnly {
			t.Errorf("%s: Secure=%v Path=%q Domain=%q HttpOnly=%v", ck.Name, ck.Secure, ck.Path, ck.Domain, ck.HttpOnly)
		}
	}
	for _, want := range []string{"__Host-accord_access", "__Host-accord_refresh", "__Host-accord_csrf"} {
		if !names[want] {
			t.Errorf("no %s cookie set; got %v", want, names)
		}
	}

	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.AddCookie(&http.Cookie{Name: "accord_csrf", Value: "planted"})
	if got := ui.cookieValue(e.NewContext(req, httptest.NewRecorder()), csrfCookie); got != "" {
		t.Errorf("an unprefixed cookie was read over https: %q", got)
	}
	req.AddCookie(&http.Cookie{Name: "__Host-accord_csrf", Value: "own"})
	if got := ui.cookieValue(e.NewContext(req, httptest.NewRecorder()), csrfCookie); got != "own" {
		t.Errorf("the __Host- cookie read as %q", got)
	}

	plain := &UI{cfg: config.Config{BaseURL: "http://localhost:8080"}, now: time.Now}
	if plain.cookieName(accessCookie) != "accord_access" {
		t.Error("over http the cookie names must stay plain: browsers refuse __Host- without Secure")
	}
}
