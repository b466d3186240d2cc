package webui

import (
	"context"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/workflow"
)

// PageItem is one item of a page's data handed to a partial template
// together with the page, whose methods the partial needs to translate
// and draw fields: {{template "acc_event" ($.With .)}}.
type PageItem struct {
	Page *Page
	Item any
}

// With pairs item with the page, for a partial template.
func (p *Page) With(item any) PageItem { return PageItem{Page: p, Item: item} }

// orgView is an organisation as the accreditation pages show it.
type orgView struct {
	ID, Name, NameEN, Acronym, CountryName, City, Website, WebsiteURL, Ecosoc string
	YearFounded                                                               *int
	Areas, Chapters                                                           []string
}

func profileView(o *membership.Organization, names placeNames, p *Page) orgView {
	return orgView{
		ID: o.ID, Name: o.Name, NameEN: otherName(o.Name, o.NameEN), Acronym: o.Acronym,
		CountryName: names.country(o.Country), City: o.City, Website: o.Website, WebsiteURL: websiteURL(o.Website),
		Ecosoc: p.T("accreditation.ecosoc_" + ecosocOrNone(o.EcosocStatus)), YearFounded: o.YearFounded,
		Areas: o.Areas, Chapters: o.UNCACChapters,
	}
}

func listedView(o accreditation.ListedOrganization, names placeNames, p *Page) orgView {
	return orgView{
		ID: o.ID, Name: o.Name, NameEN: otherName(o.Name, o.NameEN), Acronym: o.Acronym,
		CountryName: names.country(o.Country), City: o.City, Website: o.Website, WebsiteURL: websiteURL(o.Website),
		Ecosoc: p.T("accreditation.ecosoc_" + ecosocOrNone(o.EcosocStatus)), YearFounded: o.YearFounded,
		Areas: o.Areas, Chapters: o.UNCACChapters,
	}
}

// otherName is the English name when it differs from the organisation's
// own: UN lists use it, and both help a reader find the organisation.
func otherName(name, nameEN string) string {
	if nameEN == name {
		return ""
	}
	return nameEN
}

func ecosocOrNone(s string) string {
	switch s {
	case membership.EcosocSpecial, membership.EcosocGeneral, membership.EcosocRoster:
		return s
	}
	return membership.EcosocNone
}

// organizations reads the profiles of the organisations behind requests,
// as the reader may see them: the secretariat all, an applicant its own.
// A profile the reader may not see is left out; the page then shows what
// the request itself says.
func (ui *UI) organizations(ctx context.Context, actor accord.Actor, ids []string, names placeNames, p *Page) (map[string]orgView, error) {
	out := map[string]orgView{}
	if ui.members == nil {
		return out, nil
	}
	for _, id := range ids {
		if _, done := out[id]; done {
			continue
		}
		o, err := ui.members.GetOrganization(ctx, actor, id)
		if err != nil {
			switch accord.KindOf(err) {
			case accord.KindNotFound, accord.KindForbidden, accord.KindUnauthenticated:
				continue
			}
			return nil, err
		}
		out[id] = profileView(&o.Organization, names, p)
	}
	return out, nil
}

// conferencesByID loads the conferences of the ids, each once.
func (ui *UI) conferencesByID(ctx context.Context, actor accord.Actor, ids []string) (map[string]*accreditation.Conference, error) {
	out := map[string]*accreditation.Conference{}
	for _, id := range ids {
		if _, done := out[id]; done {
			continue
		}
		cf, err := ui.accreditation.GetConference(ctx, actor, id)
		if err != nil {
			return nil, err
		}
		out[id] = cf
	}
	return out, nil
}

// daysBefore is how many days, counted up, are left from now until the
// conference opens; 0 once it has.
func daysBefore(cf *accreditation.Conference, now time.Time) int {
	left := cf.StartsOn.Start().Sub(now)
	if left <= 0 {
		return 0
	}
	return int((left + 24*time.Hour - 1) / (24 * time.Hour))
}

// lateCirculation is rule 17's thirty days: a list circulated later than
// that before the opening is allowed, but warned about.
const lateCirculation = 30 * 24 * time.Hour

// circulationIsLate reports whether circulating now would be late.
func circulationIsLate(cf *accreditation.Conference, now time.Time) bool {
	return now.After(cf.StartsOn.Start().Add(-lateCirculation))
}

// historyRow is one event of a request's timeline.
type historyRow struct {
	At                    time.Time
	Event, Actor, Comment string
}

func historyRows(p *Page, entries []workflow.HistoryEntry) []historyRow {
	out := make([]historyRow, 0, len(entries))
	for _, e := range entries {
		actor := p.T("accreditation.actor_system")
		if e.ActorRole != string(accord.RoleSystem) && e.ActorRole != "" {
			actor = p.T("role." + e.ActorRole)
		}
		out = append(out, historyRow{At: e.OccurredAt, Event: p.T("accreditation.event_" + e.Event), Actor: actor, Comment: e.Comment})
	}
	return out
}
