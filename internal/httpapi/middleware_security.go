package httpapi

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// contentSecurityPolicy allows only this origin's own scripts, styles and
// images (plus data: images for QR codes) and no framing.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"

// securityHeaders sets the headers every response carries, errors included.
// HSTS only when the public address is https: sent over plain http it would
// lock browsers out of a server that has no certificate.
func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	tls := s.cfg.UsesTLS()
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set(echo.HeaderContentSecurityPolicy, contentSecurityPolicy)
		h.Set(echo.HeaderXContentTypeOptions, "nosniff")
		h.Set(echo.HeaderXFrameOptions, "DENY")
		h.Set(echo.HeaderReferrerPolicy, "same-origin")
		if tls {
			h.Set(echo.HeaderStrictTransportSecurity, "max-age=31536000; includeSubDomains")
		}
		return next(c)
	}
}

// compress gzips responses for clients that accept it, except /metrics,
// whose handler compresses by itself.
func compress() echo.MiddlewareFunc {
	return middleware.GzipWithConfig(middleware.GzipConfig{
		Skipper:   func(c echo.Context) bool { return c.Request().URL.Path == "/metrics" },
		MinLength: 256,
	})
}
