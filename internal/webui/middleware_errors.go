package webui

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/httpreply"
	"github.com/accord-coalition/accord/internal/i18n"
)

// errorPages turns whatever a page returns or panics with into an error
// page in the reader's language, so a person never meets a JSON problem
// document or a bare status line. Unexpected errors are logged here, once.
func (ui *UI) errorPages(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				err = ui.renderError(c, fmt.Errorf("panic: %v\n%s", r, debug.Stack()))
			}
		}()
		if err = next(c); err == nil || c.Response().Committed {
			return err
		}
		return ui.renderError(c, err)
	}
}

// renderError writes the error page for err.
func (ui *UI) renderError(c echo.Context, err error) error {
	status, textKey := http.StatusInternalServerError, "error.500_text"
	var he *echo.HTTPError
	switch {
	case errors.Is(err, errCSRF):
		status, textKey = http.StatusForbidden, "error.csrf_text"
	case errors.As(err, &he) && he.Code < 500:
		status = he.Code
	default:
		// Invalid input rarely gets here: forms show it beside the fields.
		status = httpreply.StatusOf(err)
	}
	if status == http.StatusInternalServerError {
		ui.logInternal(c, err)
	}
	if textKey == "error.500_text" {
		textKey = errorTextKey(status)
	}
	v := visitOf(c)
	if v.locale == "" {
		// The error came before the language middleware ran.
		v.locale = i18n.Match(c.Request().Header.Get("Accept-Language"))
	}
	if status == http.StatusTooManyRequests {
		var ae *accord.Error
		if errors.As(err, &ae) && ae.RetryAfter > 0 {
			c.Response().Header().Set(echo.HeaderRetryAfter, fmt.Sprint(int(ae.RetryAfter.Seconds())))
		}
	}
	p := ui.newPage(c, errorTitleKey(status))
	p.Data = errorData{
		Text:      p.T(textKey),
		RequestID: c.Response().Header().Get(echo.HeaderXRequestID),
	}
	return ui.render(c, status, "error", p)
}

type errorData struct {
	Text      string
	RequestID string
}

// errorTitleKey and errorTextKey word the statuses people meet; the rest
// share a general message.
func errorTitleKey(status int) string {
	switch status {
	case 400, 403, 404, 409, 413, 429:
		return fmt.Sprintf("error.%d_title", status)
	case 500:
		return "error.500_title"
	}
	return "error.other_title"
}

func errorTextKey(status int) string {
	switch status {
	case 400, 403, 404, 409, 413, 429, 500:
		return fmt.Sprintf("error.%d_text", status)
	}
	return "error.other_text"
}

func (ui *UI) logInternal(c echo.Context, err error) {
	r := c.Request()
	attrs := []any{
		"request_id", c.Response().Header().Get(echo.HeaderXRequestID),
		"method", r.Method, "path", r.URL.Path, "error", err.Error(),
	}
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		ui.log.Info("client closed the request", attrs...)
		return
	}
	ui.log.Error("internal error", attrs...)
}

// notFound is the page for every address nothing else answers.
func (ui *UI) notFound(c echo.Context) error {
	return accord.NotFound("page")
}
