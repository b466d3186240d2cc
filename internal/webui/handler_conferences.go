package webui

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
)

type conferencesData struct {
	Pager
	Conferences []conferenceView
}

type conferenceView struct {
	Code, Title, Venue string
	StartsOn, EndsOn   accord.Date
	OpensAt, ClosesAt  time.Time
	Window             string // upcoming, open or closed
	Accredited         []accreditedView
}

type accreditedView struct {
	Name, NameEN, Acronym, CountryName string
}

// conferences lists conferences, the latest first, each with its dates,
// its accreditation window and the organisations accredited to it.
func (ui *UI) conferences(c echo.Context) error {
	ctx := c.Request().Context()
	p := ui.newPage(c, "conferences.title")
	confs, next, err := ui.accreditation.ListConferences(ctx, actorOf(c), pageSize, c.QueryParam("cursor"))
	if err != nil {
		return err
	}
	ids := make([]string, len(confs))
	for i, cf := range confs {
		ids[i] = cf.ID
	}
	accredited, err := ui.accreditation.AccreditedOrganizations(ctx, actorOf(c), ids)
	if err != nil {
		return err
	}
	names, err := ui.placeNames(ctx, p.Locale)
	if err != nil {
		return err
	}
	now := ui.now()
	d := conferencesData{Pager: newPager(c, next)}
	for _, cf := range confs {
		v := conferenceView{
			Code: cf.Code, Title: cf.LocalTitle(p.Locale), Venue: cf.Venue,
			StartsOn: cf.StartsOn, EndsOn: cf.EndsOn,
			OpensAt: cf.AccreditationOpensAt, ClosesAt: cf.AccreditationClosesAt,
			Window: windowState(&cf, now),
		}
		for _, o := range accredited[cf.ID] {
			av := accreditedView{Name: o.Name, Acronym: o.Acronym, CountryName: names.country(o.Country)}
			if o.NameEN != o.Name {
				// UN lists name organisations in English; both names help
				// a reader find one.
				av.NameEN = o.NameEN
			}
			v.Accredited = append(v.Accredited, av)
		}
		d.Conferences = append(d.Conferences, v)
	}
	p.Data = d
	return ui.render(c, http.StatusOK, "conferences", p)
}

func windowState(cf *accreditation.Conference, now time.Time) string {
	switch {
	case now.Before(cf.AccreditationOpensAt):
		return "upcoming"
	case cf.WindowOpen(now):
		return "open"
	}
	return "closed"
}
