package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

type statusResponse struct {
	Status string `json:"status"`
}

// healthz says the process is alive; it touches no database, so a slow
// database does not get a healthy process restarted.
func (s *Server) healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, statusResponse{Status: "ok"})
}

// readyz says whether to send traffic here: the database answers, every
// migration is applied and a write goes through. It names no internals beyond that.
func (s *Server) readyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 3*time.Second)
	defer cancel()
	if err := s.db.Ping(ctx); err != nil {
		s.log.Warn("not ready: database", "error", err)
		return echo.NewHTTPError(http.StatusServiceUnavailable, "The database does not answer.")
	}
	pending, err := s.db.Pending(ctx)
	if err != nil {
		s.log.Warn("not ready: migrations", "error", err)
		return echo.NewHTTPError(http.StatusServiceUnavailable, "The database's migrations could not be checked.")
	}
	if pending {
		return echo.NewHTTPError(http.StatusServiceUnavailable, "The database has migrations still to apply: run `accord migrate`.")
	}
	if err := s.db.CanWrite(ctx); err != nil {
		s.log.Warn("not ready: database refuses writes", "error", err)
		return echo.NewHTTPError(http.StatusServiceUnavailable, "The database answers but cannot take a write (disk full or read-only).")
	}
	return c.JSON(http.StatusOK, statusResponse{Status: "ready"})
}
