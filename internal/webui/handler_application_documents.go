package webui

import (
	"errors"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/httpreply"
	"github.com/accord-coalition/accord/internal/membership"
)

// uploadDocument attaches the posted file to the application. Every
// refusal — wrong type (415), too large (413), no kind — is shown beside
// its field on the application's page, in the reader's language.
func (ui *UI) uploadDocument(c echo.Context) error {
	id := c.Param("id")
	p := ui.newPage(c, "app.title")
	p.Form.Keep(c, "kind")
	status, err := ui.attach(c, p, id, "", true)
	if err != nil {
		return err
	}
	if p.Form.HasErrors() {
		return ui.showApplication(c, status, p, id, nil)
	}
	return redirect(c, "/applications/"+id+"?notice=document_added")
}

// attach reads the file and kind inputs named prefix+"file" and
// prefix+"kind" and hands them to the service. Refusals the reader can
// act on go on p's form with the status to answer; anything else is
// returned. A form whose file is optional may come without one.
func (ui *UI) attach(c echo.Context, p *Page, appID, prefix string, required bool) (int, error) {
	fileField, kindField := prefix+"file", prefix+"kind"
	fh, err := c.FormFile(fileField)
	if errors.Is(err, http.ErrMissingFile) {
		if required {
			p.Form.Fail(fileField, "err.file_required")
			return http.StatusUnprocessableEntity, nil
		}
		return 0, nil
	}
	if err != nil {
		return 0, &accord.Error{Kind: accord.KindBadRequest, Message: "the file could not be read", Err: err}
	}
	f, err := fh.Open()
	if err != nil {
		return 0, err
	}
	defer f.Close()
	// One byte past the limit is enough for the service to tell "too
	// large" from "exactly the limit".
	data, err := io.ReadAll(io.LimitReader(f, membership.MaxDocumentBytes+1))
	if err != nil {
		return 0, err
	}
	_, err = ui.members.AddDocument(c.Request().Context(), actorOf(c), appID, membership.Upload{
		Kind: c.FormValue(kindField), Filename: fh.Filename, Data: data,
	})
	if err == nil {
		return 0, nil
	}
	switch accord.KindOf(err) {
	case accord.KindUnsupported:
		p.Form.Fail(fileField, "err.file_type")
	case accord.KindTooLarge:
		p.Form.Fail(fileField, "err.file_too_large")
	case accord.KindConflict:
		p.Form.FailGeneral("app.stale")
	default:
		if !p.Form.showErrorsAs(err, prefix, fileField, kindField) {
			return 0, err
		}
	}
	return statusOf(err), nil
}

// downloadDocument sends a document, always as an attachment: it is the
// applicant's file, never a page of this site.
func (ui *UI) downloadDocument(c echo.Context) error {
	doc, data, err := ui.members.OpenDocument(c.Request().Context(), actorOf(c), c.Param("id"), c.Param("doc"))
	if err != nil {
		return err
	}
	return httpreply.Attachment(c, doc.Filename, doc.ContentType, data)
}

// removeDocument takes a document off the application.
func (ui *UI) removeDocument(c echo.Context) error {
	id := c.Param("id")
	err := ui.members.RemoveDocument(c.Request().Context(), actorOf(c), id, c.Param("doc"))
	if accord.KindOf(err) == accord.KindConflict {
		p := ui.newPage(c, "app.title")
		p.Form.FailGeneral("app.stale")
		return ui.showApplication(c, http.StatusConflict, p, id, nil)
	}
	if err != nil {
		return err
	}
	return redirect(c, "/applications/"+id+"?notice=document_removed")
}
