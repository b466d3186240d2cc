package httpapi

import (
	"strings"

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
// whose handler compresses by itself, and files that are compressed
// already (XLSX is a zip archive; PDF streams and PNG are deflated):
// gzipping them again costs time and saves nothing. A streamed export
// (CSV) passes through gzip as it comes, since the writer's flushes flush
// the compressor too.
func compress() echo.MiddlewareFunc {
	return middleware.GzipWithConfig(middleware.GzipConfig{
		Skipper: func(c echo.Context) bool {
			p := c.Request().URL.Path
			return p == "/metrics" || compressedAlready(p) || compressedAlready(c.QueryParam("file"))
		},
		MinLength: 256,
	})
}

// compressedAlready reports whether a file's name says its format is
// compressed by itself.
func compressedAlready(name string) bool {
	for _, ext := range []string{".xlsx", ".pdf", ".png"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}
