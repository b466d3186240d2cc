package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/httpreply"
	"github.com/accord-coalition/accord/internal/memberimport"
)

// importBodyLimit leaves room around the largest file for the multipart
// envelope; the file's own size is checked exactly by the service.
const importBodyLimit = memberimport.MaxFileBytes + 256<<10

// RegisterImportRoutes adds the member import (docs/api.md, Importing
// members): the upload that previews, the file, and the import workflow's
// record, transitions and history. The service refuses everyone but the
// secretariat. Call it after New.
func (s *Server) RegisterImportRoutes(imports *memberimport.Service) {
	s.imports = imports
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/members/imports", Tag: "members", Auth: true,
		Summary:     "Upload a member list (multipart: file; CSV in UTF-8, UTF-16 or Windows-1256, or XLSX; at most 10 MB) and preview it; nothing is imported yet",
		RequestType: "multipart/form-data", BodyLimit: importBodyLimit,
		Response: SchemaOf[memberimport.View]("MemberImport"), Status: http.StatusCreated,
		Handler: s.previewImport,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/members/imports/:id/file", Tag: "members", Auth: true,
		Summary:      "Download the file an import was read from, as uploaded",
		ResponseType: "application/octet-stream", Handler: s.importFile,
	})
	for _, col := range imports.Collections() {
		s.registerCollection(col)
	}
}

func (s *Server) previewImport(c echo.Context) error {
	up, err := readImportUpload(c.Request())
	if err != nil {
		return err
	}
	v, err := s.imports.Preview(c.Request().Context(), actor(c), up)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, v)
}

func (s *Server) importFile(c echo.Context) error {
	im, data, err := s.imports.File(c.Request().Context(), actor(c), c.Param("id"))
	if err != nil {
		return err
	}
	return httpreply.Attachment(c, im.Filename, im.ContentType(), data)
}

// readImportUpload reads a multipart body with exactly one field, file.
func readImportUpload(r *http.Request) (memberimport.Upload, error) {
	name, data, hasFile, err := readMultipart(r,
		"Send the member list as multipart/form-data with the field file.", memberimport.MaxFileBytes, nil)
	if err != nil {
		return memberimport.Upload{}, err
	}
	var v accord.Validation
	v.Check(hasFile, "file", "required")
	return memberimport.Upload{Filename: name, Data: data}, v.Err()
}
