package webui

import (
	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/httpreply"
	"github.com/accord-coalition/accord/internal/report"
)

// exportConferenceList sends a conference's list as the dashboard's
// buttons ask: ?file=participants.csv with the filters beside it. The
// page carries the same exports as the API, with the session's cookies
// instead of a bearer token.
func (ui *UI) exportConferenceList(c echo.Context) error {
	list, format, _ := report.ParseExportFile(c.QueryParam("file"))
	return ui.streamExport(c, report.ExportRequest{Conference: c.Param("id"), List: list, Format: format})
}

// exportMembers sends the member directory with contacts:
// ?file=members.csv or members.xlsx.
func (ui *UI) exportMembers(c echo.Context) error {
	list, format, _ := report.ParseExportFile(c.QueryParam("file"))
	if list != report.ListMembers {
		list = ""
	}
	return ui.streamExport(c, report.ExportRequest{List: list, Format: format})
}

// streamExport streams an export as an attachment. Errors before the
// first byte become the error page; after it, the download is aborted
// rather than finished with an error page inside the file.
func (ui *UI) streamExport(c echo.Context, req report.ExportRequest) error {
	ctx := c.Request().Context()
	req.Locale = visitOf(c).locale
	req.Filter = report.Filter{State: c.QueryParam("state"), Region: c.QueryParam("region"), Country: c.QueryParam("country")}
	req.Channel = report.ChannelWeb
	e, err := ui.reports.PrepareExport(ctx, actorOf(c), req)
	if err != nil {
		return err
	}
	return httpreply.StreamExport(c, e, ui.log)
}
