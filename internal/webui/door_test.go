package webui_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/testenv"
)

type m = map[string]any

// doorFixture is a conference with one accredited organisation and two
// delegates whose badges are issued, set up over the API.
func doorFixture(t *testing.T, e *testenv.Env) (confID string, codes []string) {
	t.Helper()
	sec := e.Person(auth.CreateUserInput{Role: accord.RoleSecretariat})
	o := e.Organization(membership.Organization{Name: "Integrity Watch", NameEN: "Integrity Watch", Country: "TN", Region: "MENA", EcosocStatus: "special"})
	ngo := e.Attach(e.Person(auth.CreateUserInput{Role: accord.RoleApplicant}), o.ID)
	confID, reqID := e.AccreditedRequest(sec, ngo, o.ID)
	for _, name := range []string{"Amal", "Karim"} {
		var d struct {
			ID        string
			BadgeCode string `json:"badge_code"`
		}
		e.Call(ngo, "POST", "/accreditation-requests/"+reqID+"/delegates", m{"given_name": name, "family_name": "Haddad",
			"nationality": "TN", "email": strings.ToLower(name) + "@ngo.example"}).Want(t, http.StatusCreated).Decode(t, &d)
		e.Fire(sec, "/delegates/"+d.ID, "confirm", "").Want(t, http.StatusOK)
		e.Fire(sec, "/delegates/"+d.ID, "issue_badge", "").Want(t, http.StatusOK)
		e.Call(sec, "GET", "/delegates/"+d.ID, nil).Want(t, http.StatusOK).Decode(t, &d)
		codes = append(codes, d.BadgeCode)
	}
	return confID, codes
}

// TestDoorPage: door staff open their door, which carries what its script
// needs, the service worker and the manifest; the bundle and the sync
// answer them with their session; the door's header offers nothing else.
func TestDoorPage(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		confID, codes := doorFixture(t, e)
		in := auth.CreateUserInput{Role: accord.RoleDoor, ConferenceID: confID, Email: "hall-a@coalition.example", Locale: "ar"}
		e.CreateUser(&in)
		b := e.Browser("ar")
		b.SignIn(in.Email, in.Password)

		page := b.Get("/door/")
		page.WantStatus(t, http.StatusOK)
		page.WantContains(t, `dir="rtl"`, `data-conference-id="`+confID+`"`, `rel="manifest"`, "/static/door.", `id="door-scan"`, "0</span> / <span id=\"door-expected\">2")
		page.WantLacks(t, `href="/accreditation"`, `href="/checkin"`, `href="/screening"`, "<script>")
		csrf := page.Find(t, `data-csrf="([^"]+)"`)

		sw := b.Get("/door/sw.js")
		sw.WantStatus(t, http.StatusOK)
		sw.WantContains(t, "const DOOR_KEEP = [\"/door/\"", "/static/door.", "/static/vendor/jsqr.", "addEventListener(\"fetch\"")
		b.Get(page.Find(t, `data-jsqr="([^"]+)"`)).WantStatus(t, http.StatusOK)
		b.Get("/door/manifest.webmanifest").WantContains(t, `"start_url":"/door/"`)

		bundle := b.Get("/door/bundle")
		bundle.WantStatus(t, http.StatusOK)
		var got struct {
			ConferenceID string `json:"conference_id"`
			PublicKey    string `json:"public_key"`
			Badges       []struct{ Code string }
		}
		if err := json.Unmarshal([]byte(bundle.Body), &got); err != nil || got.ConferenceID != confID || len(got.Badges) != 2 || got.PublicKey == "" {
			t.Fatalf("bundle %v %s", err, bundle.Body)
		}
		req, _ := http.NewRequest(http.MethodGet, b.URL+"/door/bundle", nil)
		req.Header.Set("If-None-Match", bundle.Header.Get("ETag"))
		if r := b.Do(req); r.StatusCode != http.StatusNotModified {
			t.Errorf("bundle again: %d", r.StatusCode)
		}

		sync := func(token string) testenv.Page {
			body := `{"items":[{"code":"` + strings.ToLower(codes[0]) + `","scanned_at":"` + e.Clock.Now().UTC().Format(time.RFC3339) + `","device":"hall-a"}]}`
			req, _ := http.NewRequest(http.MethodPost, b.URL+"/door/sync", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-CSRF-Token", token)
			return b.Do(req)
		}
		if r := sync("forged"); r.StatusCode != http.StatusForbidden {
			t.Errorf("sync without the CSRF token: %d", r.StatusCode)
		}
		r := sync(csrf)
		r.WantStatus(t, http.StatusOK)
		r.WantContains(t, `"status":201`)
		sync(csrf).WantContains(t, `"status":201`) // a retry is answered the same
		if n := e.Count("delegates", "state = ?", "checked_in"); n != 1 {
			t.Errorf("%d delegates checked in", n)
		}
		b.Get("/door/").WantContains(t, "1</span> / <span id=\"door-expected\">2")

		// Nothing else is open to door staff.
		for _, path := range []string{"/accreditation", "/checkin", "/screening", "/conferences/" + confID + "/circulation"} {
			if r := b.Get(path); r.StatusCode == http.StatusOK {
				t.Errorf("door staff open %s", path)
			}
		}
	})
}

// TestDoorOnConferencePage: the secretariat sees the live count on the
// conference page and creates door accounts there, bound to the conference.
func TestDoorOnConferencePage(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		confID, codes := doorFixture(t, e)
		in := auth.CreateUserInput{Role: accord.RoleSecretariat, Email: "desk@coalition.example", Locale: "fr"}
		e.CreateUser(&in)
		b := e.Browser("fr")
		b.SignIn(in.Email, in.Password)
		sec := e.Person(auth.CreateUserInput{Role: accord.RoleSecretariat})
		e.Call(sec, "POST", "/checkins", m{"code": codes[1]}).Want(t, http.StatusCreated)

		page := b.Get("/conferences/CoSP11")
		page.WantStatus(t, http.StatusOK)
		page.WantContains(t, `id="door-live-count"`, "1 sur 2 entrés", `href="/door/?conference=`+confID+`"`, `action="/conferences/CoSP11/door-accounts"`)
		r := b.Submit("/conferences/CoSP11", "/conferences/CoSP11/door-accounts", url.Values{"name": {"Hall C"}, "email": {"hall-c@coalition.example"}})
		r.WantRedirect(t, "/conferences/CoSP11?door=created")
		if n := e.Count("users", "email = ? AND role = ? AND conference_id = ?", "hall-c@coalition.example", "door", confID); n != 1 {
			t.Errorf("%d door accounts", n)
		}
		b.Get("/conferences/CoSP11?door=created").WantContains(t, "Compte d’entrée créé")
		// Nobody else sees the block.
		pub := e.Browser("en").Get("/conferences/CoSP11")
		pub.WantLacks(t, "door-live-count", "door-accounts")
	})
}
