package httpapi

import (
	"crypto/rand"

	"github.com/labstack/echo/v4"
)

const ctxRequestID = "accord.request_id"

// requestID gives every request an id: the caller's X-Request-ID when it is
// safe to log and to repeat, else a new random one. The id is sent back,
// logged, put into problem documents and carried into audit events through
// the actor.
func (s *Server) requestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		id := c.Request().Header.Get(echo.HeaderXRequestID)
		if !saneRequestID(id) {
			id = rand.Text()
		}
		c.Set(ctxRequestID, id)
		c.Response().Header().Set(echo.HeaderXRequestID, id)
		return next(c)
	}
}

// saneRequestID accepts the ids proxies and tracing systems generate
// (UUIDs, hex, base32/64 tokens) and nothing that could forge a log line.
func saneRequestID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case r == '-', r == '_', r == '.', r == ':', r == '+', r == '/', r == '=':
		default:
			return false
		}
	}
	return true
}

func requestIDOf(c echo.Context) string {
	id, _ := c.Get(ctxRequestID).(string)
	return id
}
