package report

import (
	"slices"

	"github.com/accord-coalition/accord/internal/export"
)

// Names of the lists (docs/api.md: exports).
const (
	ListAccredited   = "accredited"
	ListParticipants = "participants"
	ListCirculation  = "circulation"
	ListBadges       = "badges"
	ListMembers      = "members"
)

// Formats.
const (
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
	FormatPDF  = "pdf"
)

// ConferenceLists are the lists every conference has, in the order pages
// offer them; ConferenceFormats the formats each comes in.
var (
	ConferenceLists   = []string{ListAccredited, ListParticipants, ListCirculation, ListBadges}
	ConferenceFormats = []string{FormatCSV, FormatXLSX, FormatPDF}
	MemberFormats     = []string{FormatCSV, FormatXLSX}
)

// list is one exportable list: its columns, what its rows may be filtered
// on, and the query that reads them.
type list struct {
	name string
	keys []string // its columns, in order
	// pdfKeys are the columns a PDF page has room for; names in the
	// original script stay beside the English ones.
	pdfKeys []string
	// states the state filter may name, and the states listed without one.
	states, defaultStates []string
	// personal lists carry personal data: every export is audited.
	personal   bool
	conference bool
	formats    []string
	// build writes the query of the rows in states passing the filter's
	// region and country.
	build func(d dialect, locale, conferenceID string, states []string, f Filter) *query
}

var lists = map[string]*list{
	ListAccredited: {
		name: ListAccredited,
		keys: []string{"name", "name_en", "acronym", "country_code", "country", "region", "city", "website",
			"ecosoc", "accredited_on", "decision_reference"},
		pdfKeys:       []string{"name", "name_en", "country", "accredited_on"},
		states:        []string{"accredited"},
		defaultStates: []string{"accredited"},
		conference:    true,
		formats:       ConferenceFormats,
		build:         accreditedQuery,
	},
	ListParticipants: {
		name: ListParticipants,
		keys: []string{"family_name", "given_name", "family_name_original", "given_name_original", "title", "role",
			"organization", "organization_en", "country_code", "country", "nationality_code", "nationality", "state"},
		pdfKeys: []string{"family_name", "given_name", "family_name_original", "given_name_original",
			"organization", "organization_en", "nationality"},
		states:        delegateStates,
		defaultStates: delegateStates,
		personal:      true,
		conference:    true,
		formats:       ConferenceFormats,
		build:         participantsQuery,
	},
	ListCirculation: {
		name: ListCirculation,
		keys: []string{"list", "list_number", "name", "name_en", "acronym", "country_code", "country", "city", "website",
			"year_founded", "ecosoc", "state", "objection_deadline"},
		pdfKeys:       []string{"list_number", "name", "name_en", "country", "year_founded"},
		states:        circulatedStates,
		defaultStates: circulatedStates,
		conference:    true,
		formats:       ConferenceFormats,
		build:         circulationQuery,
	},
	ListBadges: {
		name: ListBadges,
		keys: []string{"delegate_id", "family_name", "given_name", "family_name_original", "given_name_original",
			"organization", "organization_en", "country", "conference", "badge_url"},
		states:        badgedStates,
		defaultStates: badgedStates,
		personal:      true,
		conference:    true,
		formats:       ConferenceFormats,
		build:         badgesQuery,
	},
	ListMembers: {
		name: ListMembers,
		keys: []string{"name", "name_en", "acronym", "country_code", "country", "region", "city", "website",
			"email", "phone", "member_since", "state", "renewal_due"},
		states:        []string{"active", "suspended", "lapsed", "resigned", "terminated"},
		defaultStates: []string{"active"},
		personal:      true,
		formats:       MemberFormats,
		build:         membersQuery,
	},
}

var (
	// delegateStates are the delegates who will attend: confirmed by the
	// secretariat, with or without a badge yet.
	delegateStates = []string{"confirmed", "badge_issued", "checked_in"}
	// badgedStates are the delegates whose badge exists.
	badgedStates = []string{"badge_issued", "checked_in"}
	// circulatedStates are every state a request may reach once
	// circulated: the list sent to the States stays what it was.
	circulatedStates = []string{"circulated", "objected", "referred", "accredited", "denied", "withdrawn", "revoked"}
)

// sheet is the list's columns as the writers take them.
func (l *list) sheet(locale string, keys []string) export.Sheet {
	s := export.Sheet{Name: l.title(locale)}
	for _, k := range keys {
		s.Columns = append(s.Columns, columns[k])
	}
	return s
}

// title is the list's name as its documents and sheets carry it, the
// catalogs' export.list.<name>.
func (l *list) title(locale string) string { return text("export.list."+l.name, locale) }

func (l *list) hasFormat(format string) bool { return slices.Contains(l.formats, format) }
