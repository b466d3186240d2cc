package webui

import (
	"github.com/labstack/echo/v4"
)

// registerMembershipPages adds the pages of the membership capability:
// the applicant's organisation and guided application, the review queue
// and review page of coordinators and the secretariat, and memberships.
// /applications/{id} and /memberships/{id} are the addresses messages
// link to; each shows the reader's own view of the same record.
//
// Forms that may carry a document go through edgeUpload, with the upload
// limit, before the CSRF check reads its token from the parsed form.
func (ui *UI) registerMembershipPages(e *echo.Echo, member []echo.MiddlewareFunc) {
	upload := ui.uploadChain()

	e.GET("/organization", ui.organizationPage, member...)
	e.POST("/organization", ui.saveOrganization, member...)

	e.GET("/application", ui.myApplication, member...)
	e.POST("/applications", ui.startApplication, member...)
	e.GET("/applications/:id", ui.applicationPage, member...)
	e.POST("/applications/:id/motivation", ui.saveMotivation, member...)
	e.POST("/applications/:id/documents", ui.uploadDocument, upload...)
	e.GET("/applications/:id/documents/:doc", ui.downloadDocument, member...)
	e.POST("/applications/:id/documents/:doc/remove", ui.removeDocument, member...)
	e.POST("/applications/:id/notes", ui.addNote, member...)

	e.GET("/review", ui.reviewQueue, member...)

	e.GET("/memberships", ui.membershipsPage, member...)
	e.GET("/memberships/:id", ui.membershipPage, member...)
}
