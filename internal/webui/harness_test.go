package webui_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
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
	"github.com/accord-coalition/accord/internal/notify"
	"github.com/accord-coalition/accord/internal/store"
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

// browser is one visitor with its own cookies. It does not follow
// redirects, so tests see them.
type browser struct {
	s      *site
	client *http.Client
	lang   string // Accept-Language sent with every request
}

func (s *site) browser(acceptLanguage string) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{s: s, lang: acceptLanguage, client: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// response is what a test looks at.
type response struct {
	*http.Response
	body string
}

func (b *browser) do(req *http.Request) response {
	b.s.t.Helper()
	if b.lang != "" {
		req.Header.Set("Accept-Language", b.lang)
	}
	resp, err := b.client.Do(req)
	if err != nil {
		b.s.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		b.s.t.Fatalf("read %s: %v", req.URL, err)
	}
	return response{resp, string(body)}
}

func (b *browser) get(path string) response {
	b.s.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, b.s.url+path, nil)
	return b.do(req)
}

func (b *browser) post(path string, form url.Values) response {
	b.s.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.s.url+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

var csrfRE = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

// submit fetches the page at formPath, then posts form to action with the
// page's CSRF token, as a browser does.
func (b *browser) submit(formPath, action string, form url.Values) response {
	b.s.t.Helper()
	page := b.get(formPath)
	m := csrfRE.FindStringSubmatch(page.body)
	if m == nil {
		b.s.t.Fatalf("GET %s (%d) has no CSRF field", formPath, page.StatusCode)
	}
	form.Set("csrf_token", m[1])
	return b.post(action, form)
}

func (b *browser) cookie(name string) *http.Cookie {
	u, _ := url.Parse(b.s.url)
	for _, c := range b.client.Jar.Cookies(u) {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// setCookie finds the Set-Cookie of name in r.
func (r response) setCookie(name string) *http.Cookie {
	for _, c := range r.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func (r response) wantStatus(t *testing.T, want int) {
	t.Helper()
	if r.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d\n%s", r.Request.Method, r.Request.URL.Path, r.StatusCode, want, excerpt(r.body))
	}
}

func (r response) wantContains(t *testing.T, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(r.body, p) {
			t.Errorf("%s %s: body lacks %q\n%s", r.Request.Method, r.Request.URL, p, excerpt(r.body))
		}
	}
}

func (r response) wantRedirect(t *testing.T, prefix string) {
	t.Helper()
	if r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), prefix) {
		t.Fatalf("%s %s: got %d to %q, want 303 to %s…\n%s", r.Request.Method, r.Request.URL.Path,
			r.StatusCode, r.Header.Get("Location"), prefix, excerpt(r.body))
	}
}

func excerpt(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}

// createUser makes a verified user with a password, as `accord user
// create` does.
func (s *site) createUser(role accord.Role, email, name, locale string) *auth.User {
	s.t.Helper()
	u, err := s.auth.CreateUserDirect(context.Background(), auth.CreateUserInput{
		Email: email, Name: name, Role: role, Locale: locale, Password: "a long enough password",
	})
	if err != nil {
		s.t.Fatalf("create user %s: %v", email, err)
	}
	return u
}

// signIn signs b in through the login form.
func (b *browser) signIn(email string) {
	b.s.t.Helper()
	r := b.submit("/login", "/login", url.Values{"email": {email}, "password": {"a long enough password"}})
	r.wantRedirect(b.s.t, "/")
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

// latestMessage is the newest message to userID, as the outbox holds it.
func (s *site) latestMessage(userID, template string) notify.Message {
	s.t.Helper()
	var m notify.Message
	err := s.db.WithContext(context.Background()).
		Where("user_id = ? AND template = ?", userID, template).Order("created_at DESC").Take(&m).Error
	if err != nil {
		s.t.Fatalf("find %s message: %v", template, err)
	}
	return m
}

func urlq(s string) string { return url.QueryEscape(s) }
