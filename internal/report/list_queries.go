package report

// The queries of the lists, one per list, selecting exactly the list's
// columns in order. Country and region names come in the export's
// language from the reference tables; locale is one of the four, checked
// before it reaches here, so it may name a column.

// countryName is the column of a countries (or regions) alias holding
// the name in locale.
func countryName(alias, locale string) string { return alias + ".name_" + locale }

func accreditedQuery(d dialect, locale, conferenceID string, states []string, f Filter) *query {
	q := &query{
		selects: []string{"o.name", "o.name_en", "o.acronym", "o.country", countryName("c", locale), "o.region",
			"o.city", "o.website", "r.ecosoc_status", d.day("r.decided_at"), "r.decision_reference"},
		from: "accreditation_requests r JOIN organizations o ON o.id = r.organization_id " +
			"JOIN countries c ON c.code = o.country",
		lookups: []string{"o", "c"},
		order:   "o.name_en_key, o.name_key, o.id",
	}
	requestsWhere(q, conferenceID, states, f)
	return q
}

// participantsQuery lists the delegates who will attend, organisation by
// organisation: only those of organisations accredited now, since a
// delegate of a revoked or pending request has no seat. No passport data.
func participantsQuery(_ dialect, locale, conferenceID string, states []string, f Filter) *query {
	q := &query{
		selects: []string{"d.family_name", "d.given_name", "d.family_name_original", "d.given_name_original",
			"d.title", "d.organization_role", "o.name", "o.name_en", "o.country", countryName("c", locale),
			"d.nationality", "COALESCE(" + countryName("n", locale) + ", '')", "d.state"},
		from:    delegatesFrom,
		lookups: delegatesLookups,
		order:   "o.name_en_key, o.id, d.family_name, d.given_name, d.id",
	}
	delegatesWhere(q, conferenceID, states, f)
	return q
}

// badgesQuery is the participants whose badge was issued; the badge's
// address is filled in per row by the accreditation service, which alone
// holds the signing key.
func badgesQuery(_ dialect, locale, conferenceID string, states []string, f Filter) *query {
	q := &query{
		selects: []string{"d.id", "d.family_name", "d.given_name", "d.family_name_original", "d.given_name_original",
			"o.name", "o.name_en", countryName("c", locale), "f.code", "''"},
		from:    delegatesFrom + " JOIN conferences f ON f.id = r.conference_id",
		lookups: append([]string{"f"}, delegatesLookups...),
		order:   "o.name_en_key, o.id, d.family_name, d.given_name, d.id",
	}
	delegatesWhere(q, conferenceID, states, f)
	return q
}

const delegatesFrom = "delegates d JOIN accreditation_requests r ON r.id = d.accreditation_request_id " +
	"JOIN organizations o ON o.id = r.organization_id JOIN countries c ON c.code = o.country " +
	"LEFT JOIN countries n ON n.code = d.nationality"

// delegatesLookups: a request's organisation and an organisation's
// country are NOT NULL foreign keys.
var delegatesLookups = []string{"o", "c"}

// requestsWhere keeps a conference's requests in the states asked for, of
// the organisations the filter keeps.
func requestsWhere(q *query, conferenceID string, states []string, f Filter) {
	q.cond("r.conference_id = ?", conferenceID)
	q.in("r.state", states)
	f.apply(q, "o")
}

func delegatesWhere(q *query, conferenceID string, states []string, f Filter) {
	q.cond("r.conference_id = ?", conferenceID)
	q.cond("r.state = ?", "accredited")
	q.in("d.state", states)
	f.apply(q, "o")
}

// circulationQuery is every request that was put on a list circulated to
// the States parties, list by list in list order, whatever became of it
// since: the list is a record of what was sent.
func circulationQuery(d dialect, locale, conferenceID string, states []string, f Filter) *query {
	q := &query{
		selects: []string{d.text("ci.number"), d.text("r.circulation_number"), "o.name", "o.name_en", "o.acronym",
			"o.country", countryName("c", locale), "o.city", "o.website", d.text("o.year_founded"), "o.ecosoc_status",
			"r.state", d.day("ci.objection_deadline")},
		from: "accreditation_requests r JOIN circulations ci ON ci.id = r.circulation_id " +
			"JOIN organizations o ON o.id = r.organization_id JOIN countries c ON c.code = o.country",
		lookups: []string{"o", "c"},
		order:   "ci.number, r.circulation_number, r.id",
	}
	requestsWhere(q, conferenceID, states, f)
	return q
}

// membersQuery is the member directory with the organisations' contacts.
func membersQuery(d dialect, locale, _ string, states []string, f Filter) *query {
	q := &query{
		selects: []string{"o.name", "o.name_en", "o.acronym", "o.country", countryName("c", locale), "o.region",
			"o.city", "o.website", "o.email", "o.phone", d.day("m.since"), "m.state", d.day("m.renewal_due")},
		from:    "memberships m JOIN organizations o ON o.id = m.organization_id JOIN countries c ON c.code = o.country",
		lookups: []string{"o", "c"},
		order:   "o.name_en_key, o.name_key, o.id",
	}
	q.in("m.state", states)
	f.apply(q, "o")
	return q
}
