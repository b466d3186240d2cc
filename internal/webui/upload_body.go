package webui

import (
	"errors"
	"mime"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
)

const (
	// webUploadLimit caps a form that carries a document. It is well above
	// the document limit, so that a file a little too large still arrives
	// whole and is refused by the service, beside the file field, in the
	// reader's language; only a body far beyond is cut off here.
	webUploadLimit = 2*membership.MaxDocumentBytes + 1<<20
	// uploadMemory is how much of a multipart form is held in memory; the
	// rest of a file waits in a temporary file, removed after the request.
	uploadMemory = 1 << 20
)

// uploadBody parses a multipart form under webUploadLimit before the CSRF
// check reads its token from it: the standard library's own parse would
// accept 32 MB into memory and answer a body too large with no token,
// that is with a misleading "form expired" page. Other bodies pass as
// they are.
func (ui *UI) uploadBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		mt, _, err := mime.ParseMediaType(r.Header.Get(echo.HeaderContentType))
		if err != nil || mt != echo.MIMEMultipartForm {
			return next(c)
		}
		r.Body = http.MaxBytesReader(c.Response(), r.Body, webUploadLimit)
		if err := r.ParseMultipartForm(uploadMemory); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return accord.Errorf(accord.KindTooLarge, "the form is larger than %d bytes", int64(webUploadLimit))
			}
			return &accord.Error{Kind: accord.KindBadRequest, Message: "the form could not be read", Err: err}
		}
		return next(c)
	}
}
