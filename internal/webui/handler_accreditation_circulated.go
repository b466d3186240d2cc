package webui

import (
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
)

type circulatedData struct {
	Conf      *accreditation.Conference
	ConfTitle string
	Lists     []circulatedList
}

// circulatedList is one numbered list as it was circulated.
type circulatedList struct {
	Number   int
	Deadline time.Time
	Open     bool // the objection period has not ended
	Items    []circulatedItem
}

type circulatedItem struct {
	accreditation.CirculatedRequest
	Org        orgView
	StateLabel string
	Objections []objectionRow
	// Object: the reader's State may object to it now.
	Object bool
	// Number is the request's number on its list.
	Number int
}

// circulatedList is a conference's circulated lists as the States parties
// read them: each organisation with what a State needs to judge its
// relevance, the objections lodged with their grounds and the NGO's
// replies, and, before the deadline, the objection form.
func (ui *UI) circulatedList(c echo.Context) error {
	return ui.renderCirculated(c, http.StatusOK, ui.newPage(c, "circulated.title"), c.Param("id"))
}

func (ui *UI) renderCirculated(c echo.Context, status int, p *Page, confID string) error {
	ctx, actor := c.Request().Context(), actorOf(c)
	conf, items, names, err := ui.readCirculated(ctx, actor, p, confID)
	if err != nil {
		return err
	}
	now := ui.now()
	d := circulatedData{Conf: conf, ConfTitle: conf.LocalTitle(p.Locale)}
	for _, it := range items {
		objections, err := ui.objectionRows(ctx, actor, p, &it.RequestView, names, "circulated")
		if err != nil {
			return err
		}
		d.Lists = appendToList(d.Lists, now, circulatedItem{
			CirculatedRequest: it, Org: listedView(it.Organization, names, p),
			StateLabel: p.T("accreditation.state_" + it.State), Objections: objections,
			Object: slices.Contains(it.AllowedEvents, "object"),
		})
	}
	p.Title = p.T("circulated.heading", "conference", conf.Code)
	p.Data = d
	return ui.render(c, status, "accreditation_circulated", p)
}

// readCirculated reads a conference (by code or id) and its circulated
// lists, with the place names, in the reader's language, that show their
// organisations.
func (ui *UI) readCirculated(ctx context.Context, actor accord.Actor, p *Page, confID string) (*accreditation.Conference, []accreditation.CirculatedRequest, placeNames, error) {
	conf, err := ui.accreditation.GetConference(ctx, actor, confID)
	if err != nil {
		return nil, nil, placeNames{}, err
	}
	items, err := ui.accreditation.CirculatedList(ctx, actor, conf.ID)
	if err != nil {
		return nil, nil, placeNames{}, err
	}
	names, err := ui.placeNames(ctx, p.Locale)
	if err != nil {
		return nil, nil, placeNames{}, err
	}
	return conf, items, names, nil
}

// appendToList adds an item of a circulated list to lists, which the
// service gives list by list: a new list starts when the number changes.
func appendToList(lists []circulatedList, now time.Time, it circulatedItem) []circulatedList {
	if len(lists) == 0 || lists[len(lists)-1].Number != it.List {
		l := circulatedList{Number: it.List}
		if it.ObjectionDeadline != nil {
			l.Deadline, l.Open = *it.ObjectionDeadline, now.Before(*it.ObjectionDeadline)
		}
		lists = append(lists, l)
	}
	if it.CirculationNumber != nil {
		it.Number = *it.CirculationNumber
	}
	l := &lists[len(lists)-1]
	l.Items = append(l.Items, it)
	return lists
}
