package httpapi

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/httpreply"
	"github.com/accord-coalition/accord/internal/membership"
)

// uploadBodyLimit leaves room around the largest document for the
// multipart envelope and the kind field; the document's own size is
// checked exactly by the service.
const uploadBodyLimit = membership.MaxDocumentBytes + 256<<10

func (s *Server) registerDocumentRoutes(tag string) {
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/membership-applications/:id/documents", Tag: tag, Auth: true,
		Summary:     "Attach a document (multipart: file, kind); PDF, PNG, JPEG or DOCX by content, at most 10 MB",
		RequestType: "multipart/form-data", BodyLimit: uploadBodyLimit,
		Response: SchemaOf[membership.Document]("ApplicationDocument"), Status: http.StatusCreated,
		Handler: s.addDocument,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/membership-applications/:id/documents/:doc_id", Tag: tag, Auth: true,
		Summary:      "Download a document, as an attachment",
		ResponseType: "application/octet-stream", Handler: s.downloadDocument,
	})
	s.Handle(Operation{
		Method: http.MethodDelete, Path: "/membership-applications/:id/documents/:doc_id", Tag: tag, Auth: true,
		Summary: "Remove a document from a draft, or from an application awaiting information",
		Status:  http.StatusNoContent, Problems: []int{http.StatusConflict}, Handler: s.removeDocument,
	})
}

func (s *Server) addDocument(c echo.Context) error {
	up, err := readUpload(c.Request())
	if err != nil {
		return err
	}
	doc, err := s.membership.AddDocument(c.Request().Context(), actor(c), c.Param("id"), up)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, doc)
}

func (s *Server) downloadDocument(c echo.Context) error {
	doc, data, err := s.membership.OpenDocument(c.Request().Context(), actor(c), c.Param("id"), c.Param("doc_id"))
	if err != nil {
		return err
	}
	return httpreply.Attachment(c, doc.Filename, doc.ContentType, data)
}

func (s *Server) removeDocument(c echo.Context) error {
	if err := s.membership.RemoveDocument(c.Request().Context(), actor(c), c.Param("id"), c.Param("doc_id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// readUpload reads a multipart body with exactly the fields file and kind.
func readUpload(r *http.Request) (membership.Upload, error) {
	var kind string
	name, data, hasFile, err := readMultipart(r,
		"Send the document as multipart/form-data with the fields file and kind.",
		membership.MaxDocumentBytes, map[string]*string{"kind": &kind})
	if err != nil {
		return membership.Upload{}, err
	}
	var v accord.Validation
	v.Check(hasFile, "file", "required")
	v.Check(strings.TrimSpace(kind) != "", "kind", "required")
	return membership.Upload{Kind: kind, Filename: name, Data: data}, v.Err()
}

// readMultipart reads a multipart body of at most one part named file and
// the short text fields of text, refusing any other field. It streams the
// parts rather than letting the standard library spill them to temporary
// files, and reads one byte past fileLimit so that the service can tell
// "exactly the limit" from "more". unsupported is the 415's message.
func readMultipart(r *http.Request, unsupported string, fileLimit int64, text map[string]*string) (filename string, data []byte, hasFile bool, err error) {
	mt, params, err := mime.ParseMediaType(r.Header.Get(echo.HeaderContentType))
	if err != nil || mt != echo.MIMEMultipartForm || params["boundary"] == "" {
		return "", nil, false, accord.Errorf(accord.KindUnsupported, "%s", unsupported)
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return filename, data, hasFile, nil
		}
		if err != nil {
			return filename, data, hasFile, uploadError(err)
		}
		name := part.FormName()
		if field, ok := text[name]; ok {
			b, err := io.ReadAll(io.LimitReader(part, 65))
			if err != nil {
				return filename, data, hasFile, uploadError(err)
			}
			*field = string(b)
		} else if name == "file" {
			if hasFile {
				return filename, data, hasFile, badRequest("Send one file per request.")
			}
			hasFile = true
			filename = part.FileName()
			if data, err = io.ReadAll(io.LimitReader(part, fileLimit+1)); err != nil {
				return filename, data, hasFile, uploadError(err)
			}
		} else {
			return filename, data, hasFile, &accord.Error{Kind: accord.KindBadRequest, Message: "Unknown field " + strconv.Quote(name) + ".",
				Fields: []accord.FieldError{accord.Field(name, "unknown field")}}
		}
		part.Close()
	}
}

// uploadError is a 413 when the body passed its limit, else a 400.
func uploadError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return tooLarge(mbe.Limit)
	}
	return &accord.Error{Kind: accord.KindBadRequest, Message: "The multipart body could not be read.", Err: err}
}
