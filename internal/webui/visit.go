package webui

import (
	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
)

const ctxVisit = "webui.visit"

// visit is what the page middleware learns about a request: who is signed
// in, in which language to answer, and the CSRF token for its forms.
type visit struct {
	actor   accord.Actor
	refresh string // the refresh token cookie, for signing out this device
	locale  string
	csrf    string
}

// visitOf returns the request's visit, creating it on first use.
func visitOf(c echo.Context) *visit {
	if v, ok := c.Get(ctxVisit).(*visit); ok {
		return v
	}
	v := &visit{}
	c.Set(ctxVisit, v)
	return v
}

// actorOf is the acting user, carrying the request id that the server's
// request-id middleware sent back, so audit events can quote it.
func actorOf(c echo.Context) accord.Actor {
	a := visitOf(c).actor
	a.RequestID = c.Response().Header().Get(echo.HeaderXRequestID)
	return a
}
