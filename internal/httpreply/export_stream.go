package httpreply

import (
	"context"
	"io"
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"
)

// Export is a file written as it is read: a list exported as CSV, XLSX or
// PDF. Nothing has been read when it is handed over, so an error before
// its first byte is still a clean error answer.
type Export interface {
	ContentType() string
	Filename() string
	// Write streams the file to w, flushing as it goes.
	Write(ctx context.Context, w io.Writer) error
	// Rows is how many rows have been written, for the log.
	Rows() int
}

// StreamExport sends e as an attachment, streaming it as it is written.
// An error before the first byte is returned, for the transport to answer
// as any error. After it, the response cannot be mended — appending an
// error to half a file would pass garbage off as data — so the error is
// logged and the connection aborted, which the client sees as a failed
// download.
func StreamExport(c echo.Context, e Export, log *slog.Logger) error {
	ctx := c.Request().Context()
	res := c.Response()
	h := res.Header()
	h.Set(echo.HeaderContentType, e.ContentType())
	h.Set(echo.HeaderContentDisposition, Disposition(e.Filename()))
	h.Set(echo.HeaderCacheControl, "private, no-store")
	h.Set(echo.HeaderXContentTypeOptions, "nosniff")
	err := e.Write(ctx, res)
	if err == nil {
		return nil
	}
	if !res.Committed {
		h.Del(echo.HeaderContentDisposition)
		h.Del(echo.HeaderCacheControl)
		return err
	}
	log.ErrorContext(ctx, "export failed after it started: connection aborted",
		"file", e.Filename(), "rows", e.Rows(), "bytes", res.Size,
		"request_id", h.Get(echo.HeaderXRequestID), "error", err.Error())
	panic(http.ErrAbortHandler)
}
