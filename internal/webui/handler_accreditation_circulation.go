package webui

import (
	"net/http"
	"net/url"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accreditation"
)

type circulationData struct {
	Conf      *accreditation.Conference
	ConfTitle string
	Screened  []requestRow
	// Late: circulating now is less than thirty days before the opening,
	// which rule 17 allows but the record will show.
	Late       bool
	DaysBefore int
	// DefaultDeadline is the objection deadline when none is set: now
	// plus the conference's objection period.
	DefaultDeadline time.Time
	Lists           []circulatedList
}

// circulationPage shows the screened requests of a conference waiting to
// be circulated, the form that circulates them as one numbered list, and
// the lists circulated before.
func (ui *UI) circulationPage(c echo.Context) error {
	return ui.renderCirculation(c, http.StatusOK, ui.newPage(c, "circulation.title"))
}

func (ui *UI) renderCirculation(c echo.Context, status int, p *Page) error {
	if err := requireSecretariat(c); err != nil {
		return err
	}
	conf, items, names, err := ui.readCirculated(c.Request().Context(), actorOf(c), p, c.Param("id"))
	if err != nil {
		return err
	}
	now := ui.now()
	d := circulationData{
		Conf: conf, ConfTitle: conf.LocalTitle(p.Locale),
		Late: circulationIsLate(conf, now), DaysBefore: daysBefore(conf, now),
		DefaultDeadline: now.Add(time.Duration(conf.ObjectionPeriodDays) * 24 * time.Hour),
	}
	if d.Screened, err = ui.screenedRows(c, p, conf.ID); err != nil {
		return err
	}
	for _, it := range items {
		d.Lists = appendToList(d.Lists, now, circulatedItem{CirculatedRequest: it, Org: listedView(it.Organization, names, p),
			StateLabel: p.T("accreditation.state_" + it.State)})
	}
	p.Title = p.T("circulation.heading", "conference", conf.Code)
	p.Data = d
	return ui.render(c, status, "accreditation_circulation", p)
}

// screenedRows are the conference's screened requests, the next list to
// circulate. They are read whole: the list is all of them, not a page.
func (ui *UI) screenedRows(c echo.Context, p *Page, confID string) ([]requestRow, error) {
	screened, _, err := ui.accreditation.ListRequests(c.Request().Context(), actorOf(c), accreditation.RequestFilter{
		State: accreditation.RequestScreened, ConferenceID: confID, Limit: 200,
	})
	if err != nil {
		return nil, err
	}
	return ui.requestRows(c, p, screened, backRequest)
}

// circulate sends every screened request of the conference to the States
// parties as one numbered list, with the objection deadline given or the
// conference's default.
func (ui *UI) circulate(c echo.Context) error {
	if err := requireSecretariat(c); err != nil {
		return err
	}
	p := ui.newPage(c, "circulation.title")
	p.Form.Keep(c, "circ_objection_deadline")
	in := accreditation.CirculationInput{
		ObjectionDeadline: formInstant(p.Form, "circ_objection_deadline", c.FormValue("circ_objection_deadline")),
	}
	status := http.StatusUnprocessableEntity
	if !p.Form.HasErrors() && c.FormValue("confirm") != "on" {
		return redirect(c, "/conferences/"+c.Param("id")+"/circulation/confirm?"+
			url.Values{"circ_objection_deadline": {c.FormValue("circ_objection_deadline")}}.Encode())
	}
	if !p.Form.HasErrors() {
		_, err := ui.accreditation.CirculateScreened(c.Request().Context(), actorOf(c), c.Param("id"), in)
		if err == nil {
			return redirect(c, "/conferences/"+c.Param("id")+"/circulation?notice=acc_circulated")
		}
		if !p.Form.showAccreditationErrors(err, prefixed("circ_"), "circ_objection_deadline") {
			return err
		}
		status = statusOf(err)
	}
	return ui.renderCirculation(c, status, p)
}
