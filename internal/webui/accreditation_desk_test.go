package webui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/testenv"
)

// deskFixture is a conference with two accredited organisations and
// their delegates, made over the API.
type deskFixture struct {
	code, confID, reqArab string
	sec, ngo              *testenv.User
	delegates             []string
}

func newDeskFixture(t *testing.T, e *testenv.Env, delegates int) deskFixture {
	t.Helper()
	sec := e.Staff(accord.RoleSecretariat)
	f := deskFixture{code: "DESK", confID: e.Conference(sec, "DESK", 20), sec: sec}
	for i, names := range [][2]string{{"الشبكة العربية للنزاهة", "Arab Network for Integrity"}, {"Transparency Watch", "Transparency Watch"}} {
		o := e.Organization(membership.Organization{Name: names[0], NameEN: names[1], Country: "JO", EcosocStatus: "general"})
		u := e.PersonOf(accord.RoleApplicant, "", o.ID, "ar")
		req := e.SubmittedRequest(u, f.confID, o.ID)
		if i == 0 {
			f.reqArab, f.ngo = req, u
			e.Fire(sec, "/accreditation-requests/"+req, "admit_ecosoc", "").Want(t, http.StatusOK)
		}
	}
	for i := range delegates {
		var d struct{ ID string }
		e.Call(f.ngo, "POST", "/accreditation-requests/"+f.reqArab+"/delegates", map[string]any{
			"given_name": "Delegate", "family_name": string(rune('A'+i)) + "-Haddad", "nationality": "JO",
			"passport_number": "X99887" + string(rune('0'+i)), "email": "d@ngo.example",
		}).Want(t, http.StatusCreated).Decode(t, &d)
		f.delegates = append(f.delegates, d.ID)
	}
	return f
}

var pickRE = regexp.MustCompile(`name="item" value="([^"]+)"`)

// TestDeskPages: from the conference page the secretariat reaches the
// requests list and a request in two clicks; the participants list
// filters, names no passport number, and confirms the rows ticked after
// a page that lists them. Others may not open the desk.
func TestDeskPages(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		f := newDeskFixture(t, e, 4)
		b := e.BrowserAs(f.sec, "ar")

		conf := b.Get("/conferences/" + f.code)
		conf.WantStatus(t, http.StatusOK)
		// The accredited organisation links to its request, and the desk's
		// lists are linked.
		conf.WantContains(t, `href="/accreditation-requests/`+f.reqArab+`"`, `href="/conferences/DESK/requests"`, `href="/conferences/DESK/participants"`)
		list := b.Get("/conferences/DESK/requests?q=" + url.QueryEscape("النزاهة"))
		list.WantStatus(t, http.StatusOK)
		list.WantContains(t, `href="/accreditation-requests/`+f.reqArab+`"`, "الشبكة العربية للنزاهة")
		list.WantLacks(t, "Transparency Watch")
		b.Get("/conferences/DESK/requests?state=submitted").WantContains(t, "Transparency Watch")
		b.Get("/conferences/DESK/requests?state=submitted").WantLacks(t, "الشبكة العربية للنزاهة")

		people := b.Get("/conferences/DESK/participants")
		people.WantStatus(t, http.StatusOK)
		people.WantLacks(t, "X99887")
		people.WantContains(t, "A-Haddad", "D-Haddad", `href="/accreditation-requests/`+f.reqArab+`#delegate-`+f.delegates[0]+`"`)
		one := b.Get("/conferences/DESK/participants?q=" + url.QueryEscape("b-haddad"))
		one.WantContains(t, "B-Haddad")
		one.WantLacks(t, "A-Haddad", "C-Haddad")

		// Tick three of four, review, then confirm.
		picks := pickRE.FindAllStringSubmatch(people.Body, -1)
		if len(picks) != 4 {
			t.Fatalf("%d rows to tick, want 4", len(picks))
		}
		form := url.Values{"event": {"confirm"}, "back": {"/conferences/DESK/participants"}}
		for _, m := range picks[:3] {
			form.Add("item", m[1])
		}
		review := b.Submit("/conferences/DESK/participants", "/conferences/DESK/participants/bulk", form)
		review.WantStatus(t, http.StatusOK)
		review.WantContains(t, `name="confirmed" value="yes"`, "A-Haddad", `href="/accreditation-requests/`+f.reqArab+`#delegate-`)
		if n := e.Count("delegates", "state = ?", "confirmed"); n != 0 {
			t.Fatalf("the review page confirmed %d delegates already", n)
		}
		form.Set("confirmed", "yes")
		done := b.Submit("/conferences/DESK/participants", "/conferences/DESK/participants/bulk", form)
		done.WantStatus(t, http.StatusOK)
		if n := e.Count("delegates", "state = ?", "confirmed"); n != 3 {
			t.Errorf("%d delegates confirmed, want 3", n)
		}
		// Sent again, each is refused on its own: the versions are stale.
		again := b.Submit("/conferences/DESK/participants", "/conferences/DESK/participants/bulk", form)
		if strings.Count(again.Body, `class="desk-refused"`) != 3 {
			t.Errorf("a repeated bulk confirm does not refuse each item:\n%s", testenv.Excerpt(again.Body))
		}
		none := b.Submit("/conferences/DESK/participants", "/conferences/DESK/participants/bulk", url.Values{"event": {"confirm"}})
		none.WantStatus(t, http.StatusUnprocessableEntity)

		// The officer chooses one daily digest from the requests list.
		b.Submit("/conferences/DESK/requests", "/desk/digest", url.Values{"digest": {"daily"}, "back": {"/conferences/DESK/requests"}}).
			WantRedirect(t, "/conferences/DESK/requests?notice=desk_digest_saved")
		b.Get("/conferences/DESK/requests").WantContains(t, `value="daily" checked`)

		// The desk is the secretariat's.
		nb := e.BrowserAs(f.ngo, "ar")
		if p := nb.Get("/conferences/DESK/participants"); p.StatusCode != http.StatusForbidden {
			t.Errorf("an applicant opens the participants list: %d", p.StatusCode)
		}
		nb.Get("/conferences/DESK").WantLacks(t, "/conferences/DESK/requests")
	})
}
