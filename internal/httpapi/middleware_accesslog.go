package httpapi

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// accessLog renders a handler's error as a problem document (so that the
// status is known), then logs one structured line per request and counts it
// in the request metrics.
func (s *Server) accessLog(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		if err := next(c); err != nil {
			c.Error(err)
		}
		elapsed := time.Since(start)
		req, res := c.Request(), c.Response()
		route := s.routeLabel(c)
		s.metrics.observe(req.Method, route, res.Status, elapsed)
		s.log.LogAttrs(req.Context(), slog.LevelInfo, "request",
			slog.String("method", req.Method),
			slog.String("path", req.URL.Path),
			slog.String("route", route),
			slog.Int("status", res.Status),
			slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000),
			slog.Int64("bytes", res.Size),
			slog.String("request_id", requestIDOf(c)),
			slog.String("user_id", actor(c).UserID),
		)
		return nil
	}
}

// routeLabel is the route template a request matched, so that metrics and
// logs group /organizations/:id rather than every id. Requests that matched
// no route share one label: scanners must not create a series per address.
func (s *Server) routeLabel(c echo.Context) string {
	path := c.Path()
	status := c.Response().Status
	if path == "" || ((status == http.StatusNotFound || status == http.StatusMethodNotAllowed) && !s.isRoute(path)) {
		return "unmatched"
	}
	return path
}

func (s *Server) isRoute(path string) bool {
	for _, r := range s.echo.Routes() {
		if r.Path == path && r.Method != echo.RouteNotFound {
			return true
		}
	}
	return false
}
