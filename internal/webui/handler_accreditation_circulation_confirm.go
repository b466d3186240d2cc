package webui

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// confirmCirculation asks again before circulating, which cannot be
// recalled: the page names every request the list will carry, and its
// form posts the deadline chosen with confirm=on.
func (ui *UI) confirmCirculation(c echo.Context) error {
	if err := requireSecretariat(c); err != nil {
		return err
	}
	p := ui.newPage(c, "circulation.title")
	conf, err := ui.accreditation.GetConference(c.Request().Context(), actorOf(c), c.Param("id"))
	if err != nil {
		return err
	}
	rows, err := ui.screenedRows(c, p, conf.ID)
	if err != nil {
		return err
	}
	d := confirmData{Action: "/conferences/" + conf.ID + "/circulations", Text: p.T("desk.confirm_circulate"),
		Button: p.N("circulation.circulate", len(rows)), Back: "/conferences/" + conf.Code + "/circulation",
		Fields: formFields(c.QueryParams())}
	for _, r := range rows {
		d.Items = append(d.Items, r.Org.Name)
	}
	p.Title = p.T("desk.confirm_title", "action", d.Button)
	p.Data = d
	return ui.render(c, http.StatusOK, "workflow_confirm", p)
}
