package report

import "testing"

// TestCountFromDropsOnlyJoinsThatCannotChangeTheCount: the count leaves
// out a LEFT JOIN, and an inner join the list names as a lookup, when
// nothing refers to it — also once a join that referred to it is gone —
// and keeps every other join.
func TestCountFromDropsOnlyJoinsThatCannotChangeTheCount(t *testing.T) {
	const core = "delegates d JOIN accreditation_requests r ON r.id = d.accreditation_request_id"
	for _, c := range []struct {
		from    string
		lookups []string
		where   []string
		want    string
	}{
		{delegatesFrom, delegatesLookups, []string{"r.conference_id = ?"}, core},
		// Without lookups only the LEFT JOIN goes.
		{delegatesFrom, nil, []string{"r.conference_id = ?"},
			core + " JOIN organizations o ON o.id = r.organization_id JOIN countries c ON c.code = o.country"},
		// A filter on the organisation keeps it, and not its country.
		{delegatesFrom, delegatesLookups, []string{"o.region = ?"}, core + " JOIN organizations o ON o.id = r.organization_id"},
		// A filter on the country keeps both: the country's join refers
		// to the organisation.
		{delegatesFrom, delegatesLookups, []string{"c.region = ?"},
			core + " JOIN organizations o ON o.id = r.organization_id JOIN countries c ON c.code = o.country"},
		{delegatesFrom + " JOIN conferences f ON f.id = r.conference_id", []string{"f", "o", "c"}, nil, core},
		// An inner join not named a lookup may filter rows: it stays.
		{delegatesFrom + " JOIN conferences f ON f.id = r.conference_id", delegatesLookups, nil,
			core + " JOIN conferences f ON f.id = r.conference_id"},
		{delegatesFrom, delegatesLookups, []string{"n.region = ?"}, core + " LEFT JOIN countries n ON n.code = d.nationality"},
		{delegatesFrom, nil, []string{"n.region = ?"}, delegatesFrom},
		{"a x LEFT JOIN b y ON y.id = x.b LEFT JOIN c z ON z.id = y.c", nil, nil, "a x"},
		{"organizations o", nil, nil, "organizations o"},
	} {
		q := &query{from: c.from, lookups: c.lookups, where: c.where}
		if got := q.countFrom(); got != c.want {
			t.Errorf("countFrom(%q, %q, %q)\n got %q\nwant %q", c.from, c.lookups, c.where, got, c.want)
		}
	}
}
