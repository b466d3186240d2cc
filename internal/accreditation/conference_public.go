package accreditation

import (
	"context"
	"fmt"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

// AccreditedOrganization is an organisation admitted to a conference, as
// anyone may see it: the public list of accredited organisations.
type AccreditedOrganization struct {
	ConferenceID   string `json:"conference_id"`
	OrganizationID string `json:"organization_id"`
	Name           string `json:"name"`
	NameEN         string `json:"name_en" gorm:"column:name_en"`
	Acronym        string `json:"acronym"`
	Country        string `json:"country"`
}

// AccreditedOrganizations lists, for each of the conferences, the
// organisations whose request is accredited, by English name. It is
// part of a conference's public scope and shows nothing but who was
// admitted. One query serves a whole page of conferences.
func (s *Service) AccreditedOrganizations(ctx context.Context, actor accord.Actor, conferenceIDs []string) (map[string][]AccreditedOrganization, error) {
	if err := s.authz.Check(ctx, actor, KindConference, auth.ActionReadPublic, nil); err != nil {
		return nil, err
	}
	out := map[string][]AccreditedOrganization{}
	if len(conferenceIDs) == 0 {
		return out, nil
	}
	var rows []AccreditedOrganization
	err := s.db.WithContext(ctx).Table("accreditation_requests r").
		Select("r.conference_id, o.id AS organization_id, o.name, o.name_en, o.acronym, o.country").
		Joins("JOIN organizations o ON o.id = r.organization_id").
		Where("r.state = ? AND r.conference_id IN ?", RequestAccredited, conferenceIDs).
		Order("o.name_en_key, o.id").
		Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("list accredited organisations: %w", err)
	}
	for _, r := range rows {
		out[r.ConferenceID] = append(out[r.ConferenceID], r)
	}
	return out, nil
}
