package accreditation

import (
	"context"
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

// deskRequestRow is what the desk's request query reads.
type deskRequestRow struct {
	Request    `gorm:"embedded"`
	OrgName    string `gorm:"column:org_name"`
	OrgNameEN  string `gorm:"column:org_name_en"`
	OrgAcronym string `gorm:"column:org_acronym"`
	OrgCountry string `gorm:"column:org_country"`
	OrgRegion  string `gorm:"column:org_region"`
	OrgNameKey string `gorm:"column:org_name_key"`
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
		columns: "r.*, o.name AS org_name, o.name_en AS org_name_en, o.acronym AS org_acronym, " +
			"o.country AS org_country, o.region AS org_region, o.name_key AS org_name_key",
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
		out = append(out, DeskRequest{Request: r.Request, Organization: DeskOrganization{
			ID: r.OrganizationID, Name: r.OrgName, NameEN: r.OrgNameEN, Acronym: r.OrgAcronym,
			Country: r.OrgCountry, Region: r.OrgRegion,
		}})
	}
	return out, next, counts, nil
}
