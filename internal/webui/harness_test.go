package webui_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/clock"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/testenv"
)

// site is the whole application on the shared test environment, its web
// pages driven over real HTTP by browsers with cookies.
type site struct {
	*testenv.Env
	t     *testing.T
	db    *store.DB
	auth  *auth.Service
	clock *clock.Manual
	url   string
}

// onEngines runs fn once per database engine, as storetest.Engines does,
// on the site that newSite (or newMemberSite, newAccSite…) serves there.
func onEngines[S any](t *testing.T, newSite func(*testing.T, *store.DB) S, fn func(t *testing.T, s S)) {
	t.Helper()
	storetest.Engines(t, func(t *testing.T, db *store.DB) { fn(t, newSite(t, db)) })
}

// newSite serves the application with the clock at the present and
// sessions on it.
func newSite(t *testing.T, db *store.DB) *site {
	t.Helper()
	return siteWith(t, db, testenv.StartAt(time.Now().UTC().Truncate(time.Second)), testenv.SessionsOnClock())
}

// siteWith serves the application as the pages' tests expect it: addresses
// verified before sign-in, links to localhost:8080, and opts.
func siteWith(t *testing.T, db *store.DB, opts ...testenv.Option) *site {
	t.Helper()
	opts = append([]testenv.Option{testenv.EmailVerification(), testenv.BaseURL("http://localhost:8080")}, opts...)
	e := testenv.New(t, db, opts...)
	return &site{Env: e, t: t, db: db, auth: e.App.Auth, clock: e.Clock, url: e.URL}
}

// browser is one visitor of the pages (testenv.Browser) in the names
// these tests use.
type browser struct {
	*testenv.Browser
	s      *site
	client *http.Client
}

func (s *site) browser(acceptLanguage string) *browser {
	b := s.Browser(acceptLanguage)
	return &browser{Browser: b, s: s, client: b.Client}
}

// response is a page read whole.
type response struct {
	*http.Response
	body string
}

func page(p testenv.Page) response    { return response{p.Response, p.Body} }
func (r response) page() testenv.Page { return testenv.Page{Response: r.Response, Body: r.body} }

func (b *browser) do(req *http.Request) response { b.T.Helper(); return page(b.Do(req)) }
func (b *browser) get(path string) response      { b.T.Helper(); return page(b.Get(path)) }
func (b *browser) post(path string, f url.Values) response {
	b.T.Helper()
	return page(b.Post(path, f))
}
func (b *browser) cookie(name string) *http.Cookie        { return b.Cookie(name) }
func (b *browser) signIn(email string)                    { b.T.Helper(); b.SignIn(email, testenv.Password) }
func (r response) setCookie(name string) *http.Cookie     { return r.page().SetCookie(name) }
func (r response) wantStatus(t *testing.T, want int)      { t.Helper(); r.page().WantStatus(t, want) }
func (r response) wantContains(t *testing.T, p ...string) { t.Helper(); r.page().WantContains(t, p...) }
func (r response) wantLacks(t *testing.T, p ...string)    { t.Helper(); r.page().WantLacks(t, p...) }
func (r response) wantRedirect(t *testing.T, prefix string) {
	t.Helper()
	r.page().WantRedirect(t, prefix)
}
func excerpt(s string) string { return testenv.Excerpt(s) }

// find is what the first match of pattern on the page captures; the test
// ends when nothing matches.
func (r response) find(t *testing.T, pattern string) string {
	t.Helper()
	return r.page().Find(t, pattern)
}
func (r response) match(t *testing.T, re *regexp.Regexp) string {
	t.Helper()
	return r.page().Match(t, re)
}

var csrfRE = testenv.CSRF

// submit fetches the page at formPath, then posts form to action with the
// page's CSRF token, as a browser does.
func (b *browser) submit(formPath, action string, form url.Values) response {
	b.T.Helper()
	return page(b.Submit(formPath, action, form))
}

// login sends the login form and returns the answer, whatever it is.
func (b *browser) login(email, password string) response {
	b.T.Helper()
	return page(b.Login(email, password))
}

// register sends the registration form with the password typed twice
// alike and wants the answer to a new account: confirm the address.
func (b *browser) register(t *testing.T, name, email, password string) {
	t.Helper()
	b.submit("/register", "/register", url.Values{
		"name": {name}, "email": {email}, "password": {password}, "password_confirm": {password},
	}).wantRedirect(t, "/login?notice=registered_verify")
}

// upload posts a multipart form with a file, as a browser does.
func (b *browser) upload(formPath, action string, fields map[string]string, field, name string, data []byte) response {
	b.T.Helper()
	return page(b.Upload(formPath, action, fields, field, name, data))
}

// createUser makes a verified user with a password, as `accord user
// create` does.
func (s *site) createUser(role accord.Role, email, name, locale string) *auth.User {
	s.t.Helper()
	return s.CreateUser(&auth.CreateUserInput{Email: email, Name: name, Role: role, Locale: locale})
}

// signedIn creates a person as `accord user create` does, makes it speak
// for organisation orgID when given, and signs a browser in as it.
func (s *site) signedIn(in auth.CreateUserInput, orgID string) (*testenv.User, *browser) {
	s.t.Helper()
	u := s.Person(in)
	if orgID != "" {
		s.Attach(u, orgID)
	}
	b := s.browser(in.Locale)
	b.signIn(u.Email)
	return u, b
}

// addMember inserts an organisation with an active membership directly,
// as an approved application would leave it.
func (s *site) addMember(name, nameEN, acronym, countryCode string, areas ...string) membership.Organization {
	s.t.Helper()
	o := s.Organization(membership.Organization{Name: name, NameEN: nameEN, Acronym: acronym, Country: countryCode,
		Areas: store.StringList(areas), UNCACChapters: store.StringList{}, Website: "https://example.org/" + strings.ToLower(acronym)})
	m := membership.NewMembership(uuid.NewString(), o.ID, nil, o.CreatedAt.AddDate(-1, 0, 0))
	if err := s.db.WithContext(context.Background()).Create(&m).Error; err != nil {
		s.t.Fatalf("insert membership of %s: %v", name, err)
	}
	return o
}

// fireAt sends form with event to action, the transitions of any
// workflow's record, at the version the page at pagePath shows for it, as
// a browser does.
func (b *browser) fireAt(t *testing.T, pagePath, action, event string, form url.Values) response {
	t.Helper()
	form.Set("event", event)
	form.Set("version", versionIn(t, b.get(pagePath), action, event))
	return b.submit(pagePath, action, form)
}

// versionIn is the version the page's form posting to action (for event,
// when the form names one) was drawn at. Every workflow's event forms
// carry it the same way.
func versionIn(t *testing.T, page response, action, event string) string {
	t.Helper()
	named := ""
	if event != "" && event != "conference_admit" && event != "conference_deny" {
		named = `<input type="hidden" name="event" value="` + regexp.QuoteMeta(event) + `">\s*`
	}
	re := regexp.MustCompile(`action="` + regexp.QuoteMeta(action) + `"[^>]*>\s*<input type="hidden" name="csrf_token" value="[^"]+">\s*` +
		named + `<input type="hidden" name="version" value="(\d+)">`)
	m := re.FindStringSubmatch(page.body)
	if m == nil {
		t.Fatalf("%s has no form to %s %s\n%s", page.Request.URL.Path, action, event, excerpt(page.body))
	}
	return m[1]
}

func urlq(s string) string { return url.QueryEscape(s) }
