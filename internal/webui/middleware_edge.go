package webui

import (
	"errors"
	"mime"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/edge"
)

// formLimit caps a form that carries no document. The longest text a form
// takes is 10,000 characters; percent-encoded, even in four-byte
// characters, that is under 128 KiB.
const formLimit = 256 << 10

// edge checks a page request before anything reads it: path parameters
// and query (a 404 or 400 page, see package edge), then, for a form, the
// CSRF cookie and the body's size, and finally the form's text. A form
// from a browser with no CSRF cookie cannot carry a good token, so it is
// refused before its body is read; any other body is read no further than
// its limit, and one declared larger is refused unread.
func (ui *UI) edge(next echo.HandlerFunc) echo.HandlerFunc { return ui.edgeWithin(formLimit, next) }

// edgeUpload is edge for the forms that carry a document.
func (ui *UI) edgeUpload(next echo.HandlerFunc) echo.HandlerFunc {
	return ui.edgeWithin(webUploadLimit, next)
}

func (ui *UI) edgeWithin(limit int64, next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if err := edge.Check(c); err != nil {
			return err
		}
		r := c.Request()
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			return next(c)
		}
		if r.Header.Get(csrfHeader) == "" && !validSeed(ui.cookieValue(c, csrfCookie)) {
			return errCSRF
		}
		if r.ContentLength > limit {
			return formTooLarge(limit)
		}
		r.Body = http.MaxBytesReader(c.Response(), r.Body, limit)
		mt, _, _ := mime.ParseMediaType(r.Header.Get(echo.HeaderContentType))
		var err error
		if mt == echo.MIMEMultipartForm {
			err = r.ParseMultipartForm(uploadMemory)
		} else {
			err = r.ParseForm()
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return formTooLarge(limit)
			}
			return &accord.Error{Kind: accord.KindBadRequest, Message: "the form could not be read", Err: err}
		}
		if err := edge.Form(r.PostForm); err != nil {
			return err
		}
		if r.MultipartForm != nil {
			if err := edge.Form(r.MultipartForm.Value); err != nil {
				return err
			}
		}
		return next(c)
	}
}

func formTooLarge(limit int64) error {
	return accord.Errorf(accord.KindTooLarge, "the form is larger than %d bytes", limit)
}
