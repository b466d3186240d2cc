package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/httpreply"
)

// ProblemContentType is the media type of every error response (RFC 9457).
const ProblemContentType = "application/problem+json"

// Problem is an RFC 9457 problem document. Type is always "about:blank":
// the status and title say what happened, detail says why, and errors name
// the fields to fix.
type Problem struct {
	Type   string              `json:"type"`
	Title  string              `json:"title"`
	Status int                 `json:"status"`
	Detail string              `json:"detail"`
	Errors []accord.FieldError `json:"errors,omitempty"`
	// RequestID lets a user quote the request when asking for help; the
	// access log carries the same id.
	RequestID string `json:"request_id,omitempty"`
}

// echoDetail words the errors Echo raises by itself (unknown route, wrong
// method, body limit) for people rather than repeating the status text.
var echoDetail = map[int]string{
	http.StatusNotFound:              "There is nothing at this address.",
	http.StatusMethodNotAllowed:      "This address does not accept that method; the Allow header lists those it does.",
	http.StatusRequestEntityTooLarge: "The request body is larger than this address accepts.",
}

// handleError is Echo's HTTPErrorHandler: every error leaves as a problem
// document, and unexpected ones are logged here, once.
func (s *Server) handleError(err error, c echo.Context) {
	p, retryAfter := s.problemFor(c, err)
	if c.Response().Committed {
		// Part of a response has gone out; nothing can be added to it.
		return
	}
	h := c.Response().Header()
	switch p.Status {
	case http.StatusUnauthorized:
		h.Set(echo.HeaderWWWAuthenticate, `Bearer realm="accord"`)
	case http.StatusTooManyRequests:
		secs := int(math.Ceil(retryAfter.Seconds()))
		h.Set(echo.HeaderRetryAfter, strconv.Itoa(max(secs, 1)))
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(p.Status)
		return
	}
	body, _ := json.Marshal(p)
	if err := c.Blob(p.Status, ProblemContentType, body); err != nil {
		s.log.Debug("write problem", "request_id", requestIDOf(c), "error", err)
	}
}

// problemFor turns err into a problem document, logging internal errors.
func (s *Server) problemFor(c echo.Context, err error) (Problem, time.Duration) {
	p := Problem{Type: "about:blank", RequestID: requestIDOf(c)}
	var (
		ae  *accord.Error
		he  *echo.HTTPError
		mbe *http.MaxBytesError
	)
	switch {
	case errors.As(err, &ae) && known(ae.Kind):
		p.Status, _ = httpreply.Status(ae.Kind)
		p.Detail = ae.Message
		p.Errors = ae.Fields
		p.Title = http.StatusText(p.Status)
		return p, ae.RetryAfter
	case errors.As(err, &mbe):
		p.Status = http.StatusRequestEntityTooLarge
		p.Detail = fmt.Sprintf("The request body is larger than the %d bytes this address accepts.", mbe.Limit)
	case errors.As(err, &he) && he.Code != http.StatusInternalServerError:
		p.Status = he.Code
		p.Detail = echoDetail[he.Code]
		if msg, ok := he.Message.(string); ok && p.Detail == "" {
			p.Detail = msg
		}
	default:
		p.Status = http.StatusInternalServerError
		p.Detail = "Something went wrong on our side. It has been logged; quote the request id when reporting it."
		s.logInternal(c, err)
	}
	p.Title = http.StatusText(p.Status)
	if p.Title == "" {
		p.Title = "Error"
	}
	if p.Detail == "" {
		p.Detail = p.Title
	}
	return p, 0
}

// known is a kind with a status of its own; any other is answered as an
// internal error, its message hidden.
func known(k accord.Kind) bool {
	_, ok := httpreply.Status(k)
	return ok
}

// logInternal logs an unexpected error with what is needed to find it again.
// A client that went away is not an error of ours.
func (s *Server) logInternal(c echo.Context, err error) {
	r := c.Request()
	attrs := []any{
		"request_id", requestIDOf(c),
		"method", r.Method,
		"path", r.URL.Path,
		"route", c.Path(),
		"error", err.Error(),
	}
	var pe *panicError
	if errors.As(err, &pe) {
		attrs = append(attrs, "stack", string(pe.stack))
	}
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		s.log.Info("client closed the request", attrs...)
		return
	}
	s.log.Error("internal error", attrs...)
}
