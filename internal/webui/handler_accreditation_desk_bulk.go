package webui

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/workflow"
)

// deskBulkKind is one list's bulk action: which collection it fires on,
// which events it offers and how it names its rows.
type deskBulkKind struct {
	list       string // "requests", "participants": the list's address
	collection string
	events     []string
	// label names a row and links to its record.
	label func(ui *UI, c echo.Context, p *Page, id string) (name, href string)
}

var (
	deskRequestsBulk = deskBulkKind{list: "requests", collection: accreditation.CollectionRequests,
		events: deskRequestEvents, label: (*UI).requestLabel}
	deskParticipantsBulk = deskBulkKind{list: "participants", collection: accreditation.CollectionDelegates,
		events: deskDelegateEvents, label: (*UI).delegateLabel}
)

type deskBulkData struct {
	Conf       *accreditation.Conference
	Event      string
	EventLabel string
	Action     string
	Back       string
	Items      []deskBulkItem
	// Results is set once the event has been fired.
	Results       bool
	Done, Refused int
	// Empty says nothing was ticked.
	Empty bool
}

type deskBulkItem struct {
	ID, Value, Label, URL string
	Done                  bool
	Reason                string
}

// deskBulk answers a list's bulk form: the first post shows what will
// happen to each ticked row and asks to confirm; the confirmed post fires
// the event on each through the collection's resource — each its own
// transaction and audit event — and shows what became of each.
func (ui *UI) deskBulk(kind deskBulkKind) echo.HandlerFunc {
	return func(c echo.Context) error {
		p := ui.newPage(c, "desk.bulk_title")
		conf, err := ui.deskConference(c, p)
		if err != nil {
			return err
		}
		list := "/conferences/" + conf.Code + "/" + kind.list
		event := strings.TrimSpace(c.FormValue("event"))
		if !slices.Contains(kind.events, event) {
			return accord.Invalid("choose one of the actions the list offers", accord.Field("event", "unknown action"))
		}
		back := c.FormValue("back")
		if !strings.HasPrefix(back, list) {
			back = list
		}
		d := deskBulkData{Conf: conf, Event: event, EventLabel: p.T("accreditation.do_" + event),
			Action: list + "/bulk", Back: back}
		form, err := c.FormParams()
		if err != nil {
			return accord.Invalid("the form could not be read")
		}
		var in workflow.BulkInput
		in.Event = event
		for _, v := range form["item"] {
			id, ver, ok := strings.Cut(v, ":")
			n, err := strconv.Atoi(ver)
			if !ok || err != nil || slices.ContainsFunc(in.Items, func(it workflow.BulkItem) bool { return it.ID == id }) {
				continue
			}
			in.Items = append(in.Items, workflow.BulkItem{ID: id, Version: n})
		}
		if len(in.Items) == 0 {
			d.Empty = true
			p.Data = d
			return ui.render(c, http.StatusUnprocessableEntity, "accreditation_desk_bulk", p)
		}
		if len(in.Items) > workflow.MaxBulkItems {
			return accord.Invalid(p.T("desk.too_many", "max", p.Number(workflow.MaxBulkItems)))
		}
		if c.FormValue("confirmed") != "yes" {
			for _, it := range in.Items {
				item := deskBulkItem{ID: it.ID, Value: it.ID + ":" + strconv.Itoa(it.Version)}
				item.Label, item.URL = kind.label(ui, c, p, it.ID)
				d.Items = append(d.Items, item)
			}
			p.Title = p.T("desk.bulk_confirm_title", "action", d.EventLabel)
			p.Data = d
			return ui.render(c, http.StatusOK, "accreditation_desk_bulk", p)
		}
		col, ok := ui.collection(kind.collection)
		if !ok {
			return accord.NotFound("collection")
		}
		outcomes, err := workflow.FireEach(c.Request().Context(), actorOf(c), col, in)
		if err != nil {
			return err
		}
		d.Results = true
		for _, o := range outcomes {
			it := deskBulkItem{ID: o.ID, Done: o.Err == nil}
			it.Label, it.URL = kind.label(ui, c, p, o.ID)
			if o.Err != nil {
				d.Refused++
				it.Reason = refusalText(p, o.Err)
			} else {
				d.Done++
			}
			d.Items = append(d.Items, it)
		}
		p.Title = p.T("desk.bulk_done_title", "action", d.EventLabel)
		p.Data = d
		return ui.render(c, http.StatusOK, "accreditation_desk_bulk", p)
	}
}

// collection finds a workflow by its path segment.
func (ui *UI) collection(name string) (workflow.Collection, bool) {
	for _, col := range ui.collections() {
		if col.Name == name {
			return col, true
		}
	}
	return workflow.Collection{}, false
}

// refusalText says in the page's language why one item was refused.
func refusalText(p *Page, err error) string {
	var ae *accord.Error
	if !errors.As(err, &ae) {
		return p.T("desk.refused_error")
	}
	switch ae.Kind {
	case accord.KindConflict:
		return p.T("desk.refused_conflict")
	case accord.KindForbidden:
		return p.T("desk.refused_forbidden")
	case accord.KindNotFound:
		return p.T("desk.refused_not_found")
	}
	return p.T("desk.refused_invalid")
}

// requestLabel names a request by its organisation.
func (ui *UI) requestLabel(c echo.Context, p *Page, id string) (string, string) {
	ctx, actor := c.Request().Context(), actorOf(c)
	r, err := ui.accreditation.GetRequest(ctx, actor, id)
	if err != nil {
		return id, ""
	}
	return ui.orgName(ctx, actor, p, r.OrganizationID), "/accreditation-requests/" + r.ID
}

func (ui *UI) orgName(ctx context.Context, actor accord.Actor, p *Page, id string) string {
	names, err := ui.placeNames(ctx, p.Locale)
	if err != nil {
		return id
	}
	orgs, err := ui.organizations(ctx, actor, []string{id}, names, p)
	if o, ok := orgs[id]; err == nil && ok {
		return o.Name
	}
	return id
}

// delegateLabel names a delegate, linked to the delegate on its
// request's page.
func (ui *UI) delegateLabel(c echo.Context, _ *Page, id string) (string, string) {
	ctx, actor := c.Request().Context(), actorOf(c)
	d, err := ui.accreditation.GetDelegate(ctx, actor, id)
	if err != nil {
		return id, ""
	}
	return strings.TrimSpace(d.Title + " " + d.GivenName + " " + d.FamilyName),
		"/accreditation-requests/" + d.AccreditationRequestID + "#delegate-" + d.ID
}
