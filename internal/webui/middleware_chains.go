package webui

import "github.com/labstack/echo/v4"

// The three middleware chains every page route takes one of, kept in one
// place so that a page group registered later (reports, imports, webhooks)
// gets the same edge checks, outage page and CSRF as the rest.

// pageChain serves pages anyone may open: error pages, the outage page,
// session, language, the edge checks with the plain form limit, CSRF.
func (ui *UI) pageChain() []echo.MiddlewareFunc {
	return []echo.MiddlewareFunc{ui.errorPages, ui.unavailable, ui.session, ui.language, ui.edge, ui.csrf}
}

// memberChain is pageChain for signed-in people only.
func (ui *UI) memberChain() []echo.MiddlewareFunc {
	return append(ui.pageChain(), ui.requireUser)
}

// uploadChain is memberChain for forms that may carry a document: the
// upload limit instead of the plain one, applied before the CSRF check
// reads its token from the parsed form.
func (ui *UI) uploadChain() []echo.MiddlewareFunc {
	return []echo.MiddlewareFunc{ui.errorPages, ui.unavailable, ui.session, ui.language, ui.edgeUpload, ui.csrf, ui.requireUser}
}
