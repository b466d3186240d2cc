package report

import (
	"regexp"
	"slices"
	"strings"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/country"
)

// Filter narrows a list (docs/api.md: filters are named after fields). State
// is the state of what the list lists — the request for accredited and
// circulation, the delegate for participants and badges, the membership
// for members; Region and Country are the organisation's. Empty means
// any.
type Filter struct {
	State   string `json:"state,omitempty"`
	Region  string `json:"region,omitempty"`
	Country string `json:"country,omitempty"`
}

var countryCode = regexp.MustCompile(`^[A-Z]{2}$`)

// normalized trims the filter and writes codes as they are stored.
func (f Filter) normalized() Filter {
	return Filter{
		State:   strings.ToLower(strings.TrimSpace(f.State)),
		Region:  strings.ToUpper(strings.TrimSpace(f.Region)),
		Country: country.NormalizeCode(f.Country),
	}
}

// check refuses values that could only ever match nothing, so that a typo
// is told rather than answered with an empty list.
func (f Filter) check(l *list) error {
	var v accord.Validation
	v.Check(f.State == "" || slices.Contains(l.states, f.State), "state",
		"one of "+strings.Join(l.states, ", "))
	v.Check(f.Region == "" || slices.Contains(country.RegionCodes, f.Region), "region",
		"one of "+strings.Join(country.RegionCodes, ", "))
	v.Check(f.Country == "" || countryCode.MatchString(f.Country), "country",
		"an ISO 3166-1 alpha-2 code such as EG")
	return v.Err()
}

// states is the list of states the rows may be in under this filter.
func (f Filter) states(l *list) []string {
	if f.State != "" {
		return []string{f.State}
	}
	return l.defaultStates
}

// apply adds the filter's conditions; org is the organisations' alias.
func (f Filter) apply(q *query, org string) {
	if f.Region != "" {
		q.cond(org+".region = ?", f.Region)
	}
	if f.Country != "" {
		q.cond(org+".country = ?", f.Country)
	}
}

// auditData is the filter as the audit event records it: only what was
// set.
func (f Filter) auditData() map[string]any {
	out := map[string]any{}
	for k, v := range map[string]string{"state": f.State, "region": f.Region, "country": f.Country} {
		if v != "" {
			out[k] = v
		}
	}
	return out
}
