package webui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
)

// csrfPair is a browser's CSRF cookie and the token its pages carry.
func (b *browser) csrfPair(path string) (cookie, token string) {
	b.s.t.Helper()
	token = b.CSRFToken(path)
	return b.cookie("accord_csrf").Value, token
}

// TestCSRFBoundToSession: a cookie and token pair taken from an anonymous
// visit, or from another person's session, is refused with the victim's
// session, even when the attacker can plant the cookie; the victim's own
// pair works.
func TestCSRFBoundToSession(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		s.createUser(accord.RoleApplicant, "victim@example.org", "Victim", "en")
		s.createUser(accord.RoleApplicant, "mallory@example.org", "Mallory", "en")
		victim := s.browser("en")
		victim.signIn("victim@example.org")
		mallory := s.browser("en")
		mallory.signIn("mallory@example.org")
		anonCookie, anonToken := s.browser("en").csrfPair("/login")
		malCookie, malToken := mallory.csrfPair("/account")

		site, _ := url.Parse(s.url)
		for name, pair := range map[string][2]string{
			"an anonymous visit's pair": {anonCookie, anonToken},
			"another session's pair":    {malCookie, malToken},
		} {
			ownCookie := victim.cookie("accord_csrf").Value
			victim.client.Jar.SetCookies(site, []*http.Cookie{{Name: "accord_csrf", Value: pair[0], Path: "/"}})
			r := victim.post("/account/language", url.Values{"locale": {"fr"}, "csrf_token": {pair[1]}})
			if r.StatusCode != http.StatusForbidden {
				t.Errorf("%s with the victim's session: %d; want 403", name, r.StatusCode)
			}
			victim.client.Jar.SetCookies(site, []*http.Cookie{{Name: "accord_csrf", Value: ownCookie, Path: "/"}})
		}
		var locale string
		s.db.Gorm.Table("users").Where("email = ?", "victim@example.org").Pluck("locale", &locale)
		if locale != "en" {
			t.Fatalf("a forged request changed the language to %q", locale)
		}
		victim.submit("/account", "/account/language", url.Values{"locale": {"fr"}}).
			wantRedirect(t, "/account?notice=language_saved")
	})
}

// TestSignInRefusesOffSiteNext: after signing in, only a same-site path
// is followed; every smuggled host leads home instead.
func TestSignInRefusesOffSiteNext(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		s.createUser(accord.RoleApplicant, "ngo@example.org", "NGO", "en")
		for _, next := range []string{
			"/\t/evil.example", "//evil.example", `/\evil.example`, "https://evil.example/", "/%2F%2Fevil.example", "/%5Cevil.example",
		} {
			b := s.browser("en")
			if page := b.get("/login?next=" + url.QueryEscape(next)); page.StatusCode != http.StatusOK {
				t.Fatalf("login page: %d", page.StatusCode)
			} else if nextFieldRE.MatchString(page.body) {
				t.Errorf("next=%q was kept in the form", next)
			}
			r := b.submit("/login", "/login", url.Values{"email": {"ngo@example.org"}, "password": {"a long enough password"}, "next": {next}})
			if loc := r.Header.Get("Location"); loc != "/" {
				t.Errorf("next=%q: Location %q; want /", next, loc)
			}
		}
		b := s.browser("en")
		r := b.submit("/login", "/login", url.Values{"email": {"ngo@example.org"}, "password": {"a long enough password"}, "next": {"/inbox?page=2"}})
		r.wantRedirect(t, "/inbox?page=2")
	})
}

var nextFieldRE = regexp.MustCompile(`name="next"`)
