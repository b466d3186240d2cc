package webui

import (
	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/report"
)

// RegisterReports adds the secretariat's dashboard and the exports its
// buttons lead to, and the delegates' visa support letters, behind the
// member middleware; the report service refuses everyone but the
// secretariat, and for letters the applicants of the delegate's
// organisation, who may download them. Call it after Register.
func (ui *UI) RegisterReports(e *echo.Echo, reports *report.Service) {
	ui.reports = reports
	member := ui.memberChain()
	e.GET("/dashboard", ui.dashboard, member...)
	e.GET("/exports/conferences/:id", ui.exportConferenceList, member...)
	e.GET("/exports/members", ui.exportMembers, member...)
	if ui.accreditation != nil {
		// Beside the delegate's other addresses (badge.png): a refused
		// letter form comes back on the request page.
		e.POST("/delegates/:id/visa-letter", ui.generateVisaLetter, member...)
		e.GET("/delegates/:id/visa-letter.pdf", ui.visaLetterPDF, member...)
	}
}
