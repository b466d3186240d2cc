package accreditation

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/namekey"
	"github.com/accord-coalition/accord/internal/store"
)

// ActionDesk is the secretariat's working lists of a conference: every
// request and every participant, with their filters and bulk actions.
const ActionDesk auth.Action = "desk"

// DeskOrganization is the organisation a desk row names, enough to show
// and link it.
type DeskOrganization struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	NameEN  string `json:"name_en"`
	Acronym string `json:"acronym"`
	Country string `json:"country"`
	Region  string `json:"region"`
}

// DeskRequest is one row of a conference's requests on the desk.
type DeskRequest struct {
	Request
	Organization DeskOrganization `json:"organization"`
}

// DeskRequestFilter narrows and orders a conference's requests.
type DeskRequestFilter struct {
	State        string
	Region       string
	Country      string
	EcosocStatus string
	// Q searches the organisation's names and acronym, folded.
	Q      string
	Sort   string // name, newest (default) or oldest
	Limit  int
	Cursor string
}

// DeskCounts is the number of rows per state under every filter but the
// state, for the tabs of a list.
type DeskCounts map[string]int64

// deskOrgColumns selects a desk row's organisation (joined as o) into a
// deskOrgRow.
const deskOrgColumns = "o.id AS org_id, o.name AS org_name, o.name_en AS org_name_en, " +
	"o.acronym AS org_acronym, o.country AS org_country, o.region AS org_region"

// deskOrgRow is the organisation part of a desk query's row.
type deskOrgRow struct {
	OrgID      string `gorm:"column:org_id"`
	OrgName    string `gorm:"column:org_name"`
	OrgNameEN  string `gorm:"column:org_name_en"`
	OrgAcronym string `gorm:"column:org_acronym"`
	OrgCountry string `gorm:"column:org_country"`
	OrgRegion  string `gorm:"column:org_region"`
}

func (r deskOrgRow) organization() DeskOrganization {
	return DeskOrganization{
		ID: r.OrgID, Name: r.OrgName, NameEN: r.OrgNameEN, Acronym: r.OrgAcronym,
		Country: r.OrgCountry, Region: r.OrgRegion,
	}
}

// deskRequestRow is what the desk's request query reads.
type deskRequestRow struct {
	Request    `gorm:"embedded"`
	Org        deskOrgRow `gorm:"embedded"`
	OrgNameKey string     `gorm:"column:org_name_key"`
}

// checkDesk lets the secretariat at a conference's lists: 403 for anyone
// else, 404 for a conference that does not exist.
func (s *Service) checkDesk(ctx context.Context, tx *gorm.DB, actor accord.Actor, conferenceID string) (*Conference, error) {
	if err := s.authz.Check(ctx, actor, KindConference, ActionDesk, nil); err != nil {
		return nil, err
	}
	if uuid.Validate(conferenceID) != nil {
		return nil, accord.NotFound("conference")
	}
	return conferenceByID(ctx, tx, conferenceID)
}

// DeskRequests lists a conference's requests for the secretariat, with the
// count of each state (docs/api.md, The secretariat's desk). Drafts are
// the applicant's own until submitted and are not listed.
func (s *Service) DeskRequests(ctx context.Context, actor accord.Actor, conferenceID string, f DeskRequestFilter) ([]DeskRequest, string, DeskCounts, error) {
	sorter, err := newDeskSort(strings.TrimSpace(f.Sort), SortNewest, f.Cursor, "o.name_key", "r.created_at", "r.id")
	if err != nil {
		return nil, "", nil, err
	}
	rows, next, counts, err := deskPage(ctx, s, actor, conferenceID, deskQuery[deskRequestRow]{
		sorter: sorter, stateCol: "r.state", state: f.State, limit: f.Limit, what: "requests",
		columns: "r.*, " + deskOrgColumns + ", o.name_key AS org_name_key",
		base: func(tx *gorm.DB) *gorm.DB {
			q := tx.Table("accreditation_requests r").
				Joins("JOIN organizations o ON o.id = r.organization_id").
				Where("r.conference_id = ? AND r.state <> ?", conferenceID, RequestDraft)
			if v := strings.ToUpper(strings.TrimSpace(f.Region)); v != "" {
				q = q.Where("o.region = ?", v)
			}
			if v := strings.ToUpper(strings.TrimSpace(f.Country)); v != "" {
				q = q.Where("o.country = ?", v)
			}
			if v := strings.ToLower(strings.TrimSpace(f.EcosocStatus)); v != "" {
				q = q.Where("r.ecosoc_status = ?", v)
			}
			return store.WhereEveryTerm(q, namekey.Terms(f.Q), "o.name_key", "o.name_en_key", "lower(o.acronym)")
		},
		key: func(last deskRequestRow) (string, time.Time, string) { return last.OrgNameKey, last.CreatedAt, last.ID },
	})
	if err != nil {
		return nil, "", nil, err
	}
	out := make([]DeskRequest, 0, len(rows))
	for _, r := range rows {
		out = append(out, DeskRequest{Request: r.Request, Organization: r.Org.organization()})
	}
	return out, next, counts, nil
}

// DeskDelegate is one participant on the desk: the delegate as the
// secretariat sees it (the passport only as its hint), the request that
// nominated it and its organisation.
type DeskDelegate struct {
	Delegate
	RequestState string           `json:"request_state"`
	Organization DeskOrganization `json:"organization"`
}

// DeskDelegateFilter narrows and orders a conference's participants.
type DeskDelegateFilter struct {
	State          string
	Q              string // the names, in either script, folded
	OrganizationID string
	// NeedsVisaLetter is "true", "false" or empty for both.
	NeedsVisaLetter string
	Sort            string // name (default), newest or oldest
	Limit           int
	Cursor          string
}

type deskDelegateRow struct {
	Delegate     `gorm:"embedded"`
	RequestState string     `gorm:"column:request_state"`
	Org          deskOrgRow `gorm:"embedded"`
}

// DeskDelegates lists a conference's participants — every delegate of
// its requests — for the secretariat, with the count of each state
// (docs/api.md, The secretariat's desk).
func (s *Service) DeskDelegates(ctx context.Context, actor accord.Actor, conferenceID string, f DeskDelegateFilter) ([]DeskDelegate, string, DeskCounts, error) {
	sorter, err := newDeskSort(strings.TrimSpace(f.Sort), SortName, f.Cursor, "d.name_key", "d.created_at", "d.id")
	if err != nil {
		return nil, "", nil, err
	}
	visa := strings.ToLower(strings.TrimSpace(f.NeedsVisaLetter))
	if visa != "" && visa != "true" && visa != "false" {
		return nil, "", nil, &accord.Error{Kind: accord.KindBadRequest, Message: "needs_visa_letter is true or false",
			Fields: []accord.FieldError{{Field: "needs_visa_letter", Message: "must be true or false"}}}
	}
	rows, next, counts, err := deskPage(ctx, s, actor, conferenceID, deskQuery[deskDelegateRow]{
		sorter: sorter, stateCol: "d.state", state: f.State, limit: f.Limit, what: "delegates",
		columns: "d.*, r.state AS request_state, " + deskOrgColumns,
		base: func(tx *gorm.DB) *gorm.DB {
			q := tx.Table("delegates d").
				Joins("JOIN accreditation_requests r ON r.id = d.accreditation_request_id").
				Joins("JOIN organizations o ON o.id = r.organization_id").
				Where("r.conference_id = ?", conferenceID)
			if v := strings.TrimSpace(f.OrganizationID); v != "" {
				if uuid.Validate(v) != nil {
					v = uuid.Nil.String() // matches nothing
				}
				q = q.Where("r.organization_id = ?", v)
			}
			if visa != "" {
				q = q.Where("d.needs_visa_letter = ?", visa == "true")
			}
			return store.WhereEveryTerm(q, namekey.Terms(f.Q), "d.name_key")
		},
		key: func(last deskDelegateRow) (string, time.Time, string) { return last.NameKey, last.CreatedAt, last.ID },
	})
	if err != nil {
		return nil, "", nil, err
	}
	out := make([]DeskDelegate, 0, len(rows))
	for _, r := range rows {
		d := r.Delegate
		d.PassportNumberEnc = nil // never leaves the service in a list
		out = append(out, DeskDelegate{Delegate: d, RequestState: r.RequestState, Organization: r.Org.organization()})
	}
	return out, next, counts, nil
}

// The orders of the desk's lists (docs/api.md, The secretariat's desk).
const (
	SortName   = "name"   // by name, A to Z
	SortNewest = "newest" // most recently created first
	SortOldest = "oldest" // first created first
)

// deskSort is one list's order over its columns: the name's sort key, the
// creation instant and the id that breaks ties, so that pages are keyed
// and never overlap.
type deskSort struct {
	order               string
	name, created, id   string // SQL expressions
	cursorKey, cursorID string
	hasCursor           bool
	cursorAt            time.Time
}

// newDeskSort reads the order asked for (def when empty) and the cursor of
// the previous page, refusing unknown orders and foreign cursors with 400.
func newDeskSort(order, def, cursor, name, created, id string) (*deskSort, error) {
	if order == "" {
		order = def
	}
	s := &deskSort{order: order, name: name, created: created, id: id}
	switch order {
	case SortName:
		c, ok, err := store.DecodeCursor(cursor)
		if err != nil {
			return nil, err
		}
		if ok && uuid.Validate(c.ID) != nil {
			return nil, badDeskCursor()
		}
		s.hasCursor, s.cursorKey, s.cursorID = ok, c.Key, c.ID
	case SortNewest, SortOldest:
		at, atID, ok, err := store.DecodeTimeCursor(cursor)
		if err != nil {
			return nil, err
		}
		s.hasCursor, s.cursorAt, s.cursorID = ok, at, atID
	default:
		return nil, &accord.Error{Kind: accord.KindBadRequest, Message: "sort is name, newest or oldest",
			Fields: []accord.FieldError{{Field: "sort", Message: "must be name, newest or oldest"}}}
	}
	return s, nil
}

func badDeskCursor() error {
	return &accord.Error{Kind: accord.KindBadRequest, Message: "cursor is not one this server issued",
		Fields: []accord.FieldError{{Field: "cursor", Message: "invalid cursor"}}}
}

// apply orders q and starts it after the cursor.
func (s *deskSort) apply(q *gorm.DB) *gorm.DB {
	switch s.order {
	case SortName:
		if s.hasCursor {
			q = q.Where("("+s.name+" > ? OR ("+s.name+" = ? AND "+s.id+" > ?))", s.cursorKey, s.cursorKey, s.cursorID)
		}
		return q.Order(s.name + ", " + s.id)
	case SortOldest:
		if s.hasCursor {
			q = q.Where("("+s.created+" > ? OR ("+s.created+" = ? AND "+s.id+" > ?))", s.cursorAt, s.cursorAt, s.cursorID)
		}
		return q.Order(s.created + ", " + s.id)
	default:
		if s.hasCursor {
			q = q.Where("("+s.created+" < ? OR ("+s.created+" = ? AND "+s.id+" < ?))", s.cursorAt, s.cursorAt, s.cursorID)
		}
		return q.Order(s.created + " DESC, " + s.id + " DESC")
	}
}

// cursor is the cursor after a row with these keys.
func (s *deskSort) cursor(name string, created time.Time, id string) string {
	if s.order == SortName {
		return store.Cursor{Key: name, ID: id}.Encode()
	}
	return store.TimeCursor(created, id)
}

// deskQuery is one desk list: its rows of type R, the filters of base
// (every one but the state), the state column, the columns read and a
// row's sort keys.
type deskQuery[R any] struct {
	sorter          *deskSort
	stateCol, state string
	limit           int
	what, columns   string
	base            func(tx *gorm.DB) *gorm.DB
	key             func(R) (name string, created time.Time, id string)
}

// deskPage reads one page of a desk list for the secretariat, in one
// transaction: first the count of its rows in each state, for the tabs,
// then the rows in the state asked for, after the cursor, one more than
// the limit to learn whether a page follows.
func deskPage[R any](ctx context.Context, s *Service, actor accord.Actor, conferenceID string, q deskQuery[R]) ([]R, string, DeskCounts, error) {
	limit := store.Limit(q.limit)
	counts := DeskCounts{}
	var rows []R
	next := ""
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if _, err := s.checkDesk(ctx, tx, actor, conferenceID); err != nil {
			return err
		}
		tx = tx.WithContext(ctx)
		var groups []struct {
			State string
			N     int64
		}
		if err := q.base(tx).Select(q.stateCol + " AS state, count(*) AS n").Group(q.stateCol).Scan(&groups).Error; err != nil {
			return fmt.Errorf("count %s: %w", q.what, err)
		}
		for _, g := range groups {
			counts[g.State] = g.N
		}
		page := q.base(tx)
		if st := normalizedState(q.state); st != "" {
			page = page.Where(q.stateCol+" = ?", st)
		}
		if err := q.sorter.apply(page).Select(q.columns).Limit(limit + 1).Scan(&rows).Error; err != nil {
			return fmt.Errorf("list conference %s: %w", q.what, err)
		}
		rows, next = store.TrimPage(rows, limit, func(last R) string { return q.sorter.cursor(q.key(last)) })
		return nil
	})
	if err != nil {
		return nil, "", nil, wrap("list conference "+q.what, err)
	}
	return rows, next, counts, nil
}
