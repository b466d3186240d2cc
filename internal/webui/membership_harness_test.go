package webui_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/testenv"
)

// memberSite is the application's pages with fixtures the pages cannot
// make quickly (other organisations' applications) made through the same
// membership service, and transitions fired over the API.
type memberSite struct {
	*site
	svc    *membership.Service
	tokens map[string]string // access token by user id, for the API
}

func newMemberSite(t *testing.T, db *store.DB) *memberSite {
	t.Helper()
	s := newSite(t, db)
	return &memberSite{site: s, svc: s.App.Membership, tokens: map[string]string{}}
}

// staff creates a signed-in browser for a coordinator (of regions) or a
// secretariat member, reading pages in locale.
func (s *memberSite) staff(role accord.Role, locale string, regions ...string) (*browser, accord.Actor) {
	s.t.Helper()
	u, b := s.signedIn(auth.CreateUserInput{Name: "Staff " + string(role), Role: role, Locale: locale, Regions: regions}, "")
	s.tokens[u.ID] = u.Token
	return b, u.Actor()
}

// fire moves an application over the API as actor, at its current version.
func (s *memberSite) fire(actor accord.Actor, id, event, comment string) *membership.ApplicationView {
	s.t.Helper()
	var v membership.ApplicationView
	s.Fire(&testenv.User{Token: s.tokens[actor.UserID]}, "/membership-applications/"+id, event, comment).
		Want(s.t, http.StatusOK).Decode(s.t, &v)
	return &v
}

var eventRE = regexp.MustCompile(`<input type="hidden" name="event" value="([a-z_]+)">`)

// offered lists the events the page offers a form for, sorted.
func offered(r response) []string {
	var out []string
	for _, m := range eventRE.FindAllStringSubmatch(r.body, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return out
}

// fireForm fetches the page at path and posts the form of event on it,
// with the version the page carries and the extra fields given.
func (b *browser) fireForm(path, event string, extra map[string]string) response {
	b.s.t.Helper()
	page := b.get(path)
	return b.postEvent(page, path, event, versionIn(b.s.t, page, transitionsOf(path), event), extra)
}

// fireFormAt posts the form of event with the given version, as a stale
// or crafted page would.
func (b *browser) fireFormAt(path, event, version string, extra map[string]string) response {
	b.s.t.Helper()
	return b.postEvent(b.get(path), path, event, version, extra)
}

// postEvent posts the form of event at version, with the CSRF token of
// page, to the transitions of the application at path.
func (b *browser) postEvent(page response, path, event, version string, extra map[string]string) response {
	b.s.t.Helper()
	form := url.Values{"csrf_token": {page.match(b.s.t, csrfRE)}, "event": {event}, "version": {version}}
	for k, v := range extra {
		form.Set(k, v)
	}
	return b.post(transitionsOf(path), form)
}

// transitionsOf is where the event forms of the record whose page is at
// path post.
func transitionsOf(path string) string {
	base, _, _ := strings.Cut(path, "?")
	return base + "/transitions"
}

// fieldError is the error shown beside the input with id, or "".
func fieldError(r response, id string) string {
	m := regexp.MustCompile(`id="` + regexp.QuoteMeta(id) + `-error"><span class="visually-hidden">[^<]*</span>([^<]*)</p>`).FindStringSubmatch(r.body)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

func wantRTL(t *testing.T, r response) {
	t.Helper()
	r.wantContains(t, `<html lang="ar" dir="rtl">`)
}
