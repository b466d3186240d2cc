package accreditation

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store"
)

// ListedOrganization is what States parties read of an organisation on a
// circulated list: enough to judge its relevance, no contact details.
type ListedOrganization struct {
	ID            string           `json:"id"`
	Name          string           `json:"name"`
	NameEN        string           `json:"name_en"`
	Acronym       string           `json:"acronym"`
	Country       string           `json:"country"`
	City          string           `json:"city"`
	Website       string           `json:"website"`
	YearFounded   *int             `json:"year_founded"`
	Areas         store.StringList `json:"areas"`
	UNCACChapters store.StringList `json:"uncac_chapters"`
	EcosocStatus  string           `json:"ecosoc_status"`
}

// CirculatedRequest is one entry of a circulated list.
type CirculatedRequest struct {
	RequestView
	// List is the number of the circulation the request was on.
	List         int                `json:"list"`
	Organization ListedOrganization `json:"organization"`
}

// CirculatedList returns every request of a conference that was
// circulated, list by list in list order, with its organisation and what
// the actor may do with it (a State party: object, or withdraw its
// objection). A conference's lists are read whole: they are as long as the
// number of NGOs applying, not more.
func (s *Service) CirculatedList(ctx context.Context, actor accord.Actor, conferenceID string) ([]CirculatedRequest, error) {
	out := []CirculatedRequest{}
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		conf, err := findConference(tx.WithContext(ctx), conferenceID)
		if err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindCirculation, auth.ActionRead, conf); err != nil {
			return err
		}
		type row struct {
			Request
			List int
		}
		var rows []row
		err = tx.WithContext(ctx).Table("accreditation_requests").
			Select("accreditation_requests.*, circulations.number AS list").
			Joins("JOIN circulations ON circulations.id = accreditation_requests.circulation_id").
			Where("accreditation_requests.conference_id = ?", conf.ID).
			Order("circulations.number, accreditation_requests.circulation_number").
			Scan(&rows).Error
		if err != nil {
			return fmt.Errorf("circulated requests: %w", err)
		}
		ids := make([]string, len(rows))
		for i, r := range rows {
			ids[i] = r.OrganizationID
		}
		orgs, err := listedOrganizations(ctx, tx, ids)
		if err != nil {
			return err
		}
		for i := range rows {
			r := &rows[i].Request
			if !s.authz.Can(ctx, actor, KindRequest, auth.ActionRead, r) {
				continue
			}
			out = append(out, CirculatedRequest{
				RequestView:  RequestView{Request: *r, AllowedEvents: s.engine.Allowed(ctx, tx, s.requests, actor, r.WorkflowSubject())},
				List:         rows[i].List,
				Organization: orgs[r.OrganizationID],
			})
		}
		return nil
	})
	if err != nil {
		return nil, wrap("circulated list", err)
	}
	return out, nil
}

// listedOrganizations loads organisations in one query.
func listedOrganizations(ctx context.Context, tx *gorm.DB, ids []string) (map[string]ListedOrganization, error) {
	out := map[string]ListedOrganization{}
	if len(ids) == 0 {
		return out, nil
	}
	var orgs []membership.Organization
	if err := tx.WithContext(ctx).Where("id IN ?", ids).Find(&orgs).Error; err != nil {
		return nil, fmt.Errorf("organisations: %w", err)
	}
	for _, o := range orgs {
		out[o.ID] = ListedOrganization{
			ID: o.ID, Name: o.Name, NameEN: o.NameEN, Acronym: o.Acronym, Country: o.Country, City: o.City,
			Website: o.Website, YearFounded: o.YearFounded, Areas: nonNil(o.Areas), UNCACChapters: nonNil(o.UNCACChapters),
			EcosocStatus: o.EcosocStatus,
		}
	}
	return out, nil
}

func nonNil(l store.StringList) store.StringList {
	if l == nil {
		return store.StringList{}
	}
	return l
}
