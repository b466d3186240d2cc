package report

import "testing"

// TestCountFromDropsOnlyUnusedLeftJoins: the count leaves out a LEFT JOIN
// nobody refers to, and keeps inner joins and LEFT JOINs a condition or
// a later join uses.
func TestCountFromDropsOnlyUnusedLeftJoins(t *testing.T) {
	for _, c := range []struct {
		from  string
		where []string
		want  string
	}{
		{delegatesFrom, []string{"r.conference_id = ?"},
			"delegates d JOIN accreditation_requests r ON r.id = d.accreditation_request_id " +
				"JOIN organizations o ON o.id = r.organization_id JOIN countries c ON c.code = o.country"},
		{delegatesFrom + " JOIN conferences f ON f.id = r.conference_id", nil,
			"delegates d JOIN accreditation_requests r ON r.id = d.accreditation_request_id " +
				"JOIN organizations o ON o.id = r.organization_id JOIN countries c ON c.code = o.country JOIN conferences f ON f.id = r.conference_id"},
		{delegatesFrom, []string{"n.region = ?"}, delegatesFrom},
		{"a x LEFT JOIN b y ON y.id = x.b LEFT JOIN c z ON z.id = y.c", nil, "a x LEFT JOIN b y ON y.id = x.b"},
		{"organizations o", nil, "organizations o"},
	} {
		q := &query{from: c.from, where: c.where}
		if got := q.countFrom(); got != c.want {
			t.Errorf("countFrom(%q, %q)\n got %q\nwant %q", c.from, c.where, got, c.want)
		}
	}
}
