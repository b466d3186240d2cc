package report

import (
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/country"
)

// applicationStates are the membership application's states in the
// machine's order (docs/domain.md, 1. Membership application).
var applicationStates = []string{"draft", "submitted", "under_review", "info_requested", "approved",
	"rejected", "appealed", "rejected_final", "withdrawn", "expired"}

type stateCount struct {
	Key   string
	State string
	N     int
}

// applicationFigures counts applications by region and state, every
// region listed even without applications.
func applicationFigures(tx *gorm.DB, locale string) (ApplicationFigures, error) {
	var counts []stateCount
	err := tx.Table("membership_applications").Select("region AS key, state, COUNT(*) AS n").
		Group("region, state").Scan(&counts).Error
	if err != nil {
		return ApplicationFigures{}, fmt.Errorf("applications by region: %w", err)
	}
	var regions []country.Region
	if err := tx.Order("code").Find(&regions).Error; err != nil {
		return ApplicationFigures{}, fmt.Errorf("regions: %w", err)
	}
	f := ApplicationFigures{States: applicationStates, ByState: map[string]int{}}
	index := map[string]int{}
	for _, r := range regions {
		index[r.Code] = len(f.ByRegion)
		f.ByRegion = append(f.ByRegion, RegionFigures{Region: r.Code, Name: r.Name(locale), ByState: map[string]int{}})
	}
	for _, c := range counts {
		i, ok := index[c.Key]
		if !ok {
			continue
		}
		f.ByRegion[i].ByState[c.State] += c.N
		f.ByRegion[i].Total += c.N
		f.ByState[c.State] += c.N
		f.Total += c.N
	}
	return f, nil
}

// conferenceFigures counts each conference's requests by state and its
// objections, the latest conference first.
func conferenceFigures(tx *gorm.DB, locale string) ([]ConferenceFigures, error) {
	var confs []accreditation.Conference
	if err := tx.Order("starts_on DESC, id DESC").Find(&confs).Error; err != nil {
		return nil, fmt.Errorf("conferences: %w", err)
	}
	out := make([]ConferenceFigures, len(confs))
	index := map[string]int{}
	for i, c := range confs {
		index[c.ID] = i
		out[i] = ConferenceFigures{ID: c.ID, Code: c.Code, Title: c.LocalTitle(locale), StartsOn: c.StartsOn,
			ByState: map[string]int{}}
	}
	var requests []stateCount
	err := tx.Table("accreditation_requests").Select("conference_id AS key, state, COUNT(*) AS n").
		Where("state <> ?", accreditation.RequestDraft).Group("conference_id, state").Scan(&requests).Error
	if err != nil {
		return nil, fmt.Errorf("requests by conference: %w", err)
	}
	for _, c := range requests {
		if i, ok := index[c.Key]; ok {
			out[i].ByState[c.State] += c.N
			out[i].Requests += c.N
			out[i].Outcomes.add(c.State, c.N)
		}
	}
	var objections []stateCount
	err = tx.Table("objections o").Select("r.conference_id AS key, o.state, COUNT(*) AS n").
		Joins("JOIN accreditation_requests r ON r.id = o.accreditation_request_id").
		Group("r.conference_id, o.state").Scan(&objections).Error
	if err != nil {
		return nil, fmt.Errorf("objections by conference: %w", err)
	}
	for _, c := range objections {
		if i, ok := index[c.Key]; ok {
			out[i].Objections.add(c.State, c.N)
		}
	}
	var reach []struct {
		Key      string
		Requests int
		States   int
	}
	err = tx.Table("objections o").
		Select("r.conference_id AS key, COUNT(DISTINCT o.accreditation_request_id) AS requests, COUNT(DISTINCT o.country) AS states").
		Joins("JOIN accreditation_requests r ON r.id = o.accreditation_request_id").
		Group("r.conference_id").Scan(&reach).Error
	if err != nil {
		return nil, fmt.Errorf("objected requests by conference: %w", err)
	}
	for _, c := range reach {
		if i, ok := index[c.Key]; ok {
			out[i].Objections.Requests, out[i].Objections.States = c.Requests, c.States
		}
	}
	return out, nil
}

func (o *Outcomes) add(state string, n int) {
	switch state {
	case accreditation.RequestAccredited:
		o.Accredited += n
	case accreditation.RequestDenied:
		o.Denied += n
	case accreditation.RequestIneligible:
		o.Ineligible += n
	case accreditation.RequestWithdrawn:
		o.Withdrawn += n
	case accreditation.RequestRevoked:
		o.Revoked += n
	default:
		o.Pending += n
	}
}

func (o *ObjectionFigures) add(state string, n int) {
	o.Total += n
	switch state {
	case accreditation.ObjectionLive:
		o.Live += n
	case accreditation.ObjectionWithdrawn:
		o.Withdrawn += n
	case accreditation.ObjectionSustained:
		o.Sustained += n
	case accreditation.ObjectionOverruled:
		o.Overruled += n
	}
}

// targets counts members and the countries of members and of the whole
// network.
func targets(tx *gorm.DB) (Targets, error) {
	var t struct {
		Members         int
		MemberCountries int
		Countries       int
	}
	err := tx.Raw(`SELECT
		(SELECT COUNT(*) FROM memberships WHERE state = 'active') AS members,
		(SELECT COUNT(DISTINCT o.country) FROM memberships m JOIN organizations o ON o.id = m.organization_id
			WHERE m.state = 'active') AS member_countries,
		(SELECT COUNT(DISTINCT country) FROM organizations) AS countries`).Scan(&t).Error
	if err != nil {
		return Targets{}, fmt.Errorf("targets: %w", err)
	}
	return Targets{
		MemberOrganizations: t.Members,
		CountriesWithMember: newTarget(t.MemberCountries, TargetCountriesWithMember),
		CountriesInNetwork:  newTarget(t.Countries, TargetCountriesInNetwork),
	}, nil
}
