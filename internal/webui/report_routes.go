package webui

import (
	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/report"
)

// RegisterReports adds the secretariat's dashboard and the exports its
// buttons lead to, behind the member middleware; the report service
// refuses everyone but the secretariat. Call it after Register.
func (ui *UI) RegisterReports(e *echo.Echo, reports *report.Service) {
	ui.reports = reports
	member := []echo.MiddlewareFunc{ui.errorPages, ui.session, ui.language, ui.csrf, ui.requireUser}
	e.GET("/dashboard", ui.dashboard, member...)
	e.GET("/exports/conferences/:id", ui.exportConferenceList, member...)
	e.GET("/exports/members", ui.exportMembers, member...)
}
