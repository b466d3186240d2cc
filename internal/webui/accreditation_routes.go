package webui

import (
	"github.com/labstack/echo/v4"
)

// registerAccreditationPages adds the pages of conference accreditation
// under rule 17: the public conference page, transparency report and
// badge verification; the NGO's requests, delegates, badges and replies
// to objections; the secretariat's conferences, screening desk,
// circulation, referrals and door check-in; and the State party's
// circulated lists with the objection form.
//
// /accreditation-requests/{id}, its /objections and
// /conferences/{code}/circulated are the addresses the service's messages
// link to; each shows the reader's own view of the same record.
func (ui *UI) registerAccreditationPages(e *echo.Echo, page, member []echo.MiddlewareFunc) {
	e.GET("/conferences/:id", ui.conferencePage, page...)
	e.GET("/conferences/:id/transparency", ui.transparencyPage, page...)
	// The address a badge's QR code holds: a page for people, JSON for a
	// scanner that asks for it.
	e.GET("/verify/:token", ui.verifyBadge, page...)

	e.GET("/accreditation", ui.accreditationHome, member...)
	e.GET("/accreditation/conferences/new", ui.newConferenceForm, member...)
	e.POST("/accreditation/conferences", ui.createConference, member...)
	e.GET("/conferences/:id/edit", ui.editConferenceForm, member...)
	e.POST("/conferences/:id/edit", ui.updateConference, member...)

	e.GET("/conferences/:id/accreditation-requests/new", ui.newRequestForm, member...)
	e.POST("/conferences/:id/accreditation-requests", ui.createRequest, member...)
	e.GET("/accreditation-requests/:id", ui.requestPage, member...)

	e.POST("/accreditation-requests/:id/delegates", ui.nominateDelegate, member...)
	e.GET("/delegates/:id/replace", ui.replaceDelegateForm, member...)
	e.GET("/delegates/:id/badge.png", ui.badgePNG, member...)

	e.GET("/accreditation-requests/:id/objections", ui.objectionsPage, member...)
	e.POST("/accreditation-requests/:id/objections", ui.lodgeObjection, member...)
	e.POST("/objections/:id/replies", ui.replyToObjection, member...)

	e.GET("/screening", ui.screeningDesk, member...)
	e.GET("/conferences/:id/circulation", ui.circulationPage, member...)
	e.POST("/conferences/:id/circulations", ui.circulate, member...)
	e.GET("/conferences/:id/circulated", ui.circulatedList, member...)
	e.GET("/conferences/:id/referrals", ui.referralsPage, member...)

	e.GET("/checkin", ui.checkinPage, member...)
	e.POST("/checkin", ui.checkIn, member...)
}
