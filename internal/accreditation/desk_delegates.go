package accreditation

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/namekey"
	"github.com/accord-coalition/accord/internal/store"
)

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
	RequestState string `gorm:"column:request_state"`
	OrgID        string `gorm:"column:org_id"`
	OrgName      string `gorm:"column:org_name"`
	OrgNameEN    string `gorm:"column:org_name_en"`
	OrgAcronym   string `gorm:"column:org_acronym"`
	OrgCountry   string `gorm:"column:org_country"`
	OrgRegion    string `gorm:"column:org_region"`
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
		columns: "d.*, r.state AS request_state, o.id AS org_id, o.name AS org_name, " +
			"o.name_en AS org_name_en, o.acronym AS org_acronym, o.country AS org_country, o.region AS org_region",
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
		out = append(out, DeskDelegate{Delegate: d, RequestState: r.RequestState, Organization: DeskOrganization{
			ID: r.OrgID, Name: r.OrgName, NameEN: r.OrgNameEN, Acronym: r.OrgAcronym,
			Country: r.OrgCountry, Region: r.OrgRegion,
		}})
	}
	return out, next, counts, nil
}
