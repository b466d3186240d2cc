package webui

import (
	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/memberimport"
)

// RegisterImports adds the secretariat's member import pages: the upload
// form, the preview with its apply and discard forms (fired through the
// one workflow form handler), and the file as uploaded. The service
// refuses everyone but the secretariat. Call it after Register.
func (ui *UI) RegisterImports(e *echo.Echo, imports *memberimport.Service) {
	ui.imports = imports
	member, upload := ui.memberChain(), ui.uploadChain()
	e.GET("/members/imports", ui.importForm, member...)
	e.POST("/members/imports", ui.uploadImport, upload...)
	e.GET("/members/imports/:id", ui.importPage, member...)
	e.GET("/members/imports/:id/file", ui.importFile, member...)
	for _, col := range imports.Collections() {
		ui.registerWorkflowForm(e, col, ui.importWorkflow(), member, upload)
	}
}
