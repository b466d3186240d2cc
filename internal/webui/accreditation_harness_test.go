package webui_test

import (
	"net/url"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/testenv"
)

// accSite is the application's pages for accreditation. The services,
// the workflow engine and the pages read the tests' clock, which a test
// moves past an objection deadline; sessions keep real time, so moving it
// a month signs nobody out.
type accSite struct{ *site }

func newAccSite(t *testing.T, db *store.DB) *accSite {
	t.Helper()
	return &accSite{siteWith(t, db)}
}

// person creates a user of role (a State party's with its country) and
// returns a browser signed in as it, speaking locale.
func (s *accSite) person(role accord.Role, email, locale, countryCode string) (*testenv.User, *browser) {
	s.t.Helper()
	return s.signedIn(auth.CreateUserInput{Email: email, Name: "Person " + email, Role: role, Country: countryCode, Locale: locale}, "")
}

// ngo inserts an organisation, with its ECOSOC status, and returns an
// applicant of it signed in.
func (s *accSite) ngo(nameEN, countryCode, ecosoc, email, locale string) (membership.Organization, *browser) {
	s.t.Helper()
	o := s.Organization(membership.Organization{Name: nameEN, NameEN: nameEN, Country: countryCode, City: "Capital",
		Areas: store.StringList{"advocacy"}, UNCACChapters: store.StringList{"II", "V"}, EcosocStatus: ecosoc,
		Website: "https://example.org"})
	_, b := s.signedIn(auth.CreateUserInput{Email: email, Name: "Staff of " + nameEN, Role: accord.RoleApplicant, Locale: locale}, o.ID)
	return o, b
}

// fire sends the form of event on the request id from the page at
// pagePath, at the version that page shows, as a browser does.
func (b *browser) fire(t *testing.T, pagePath, id, event, comment, back string) response {
	t.Helper()
	form := url.Values{"comment": {comment}}
	if back != "" {
		form.Set("back", back)
	}
	return b.fireAt(t, pagePath, "/accreditation-requests/"+id+"/transitions", event, form)
}

// requestState reads a request's state from the database.
func (s *accSite) requestState(id string) string { return s.State("accreditation_requests", id) }

// tick fires the due deadline transitions, as the server's ticker does.
func (s *accSite) tick() { s.Tick() }
