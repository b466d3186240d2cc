package webui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/i18n"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// accScenario is a conference with one NGO's request circulated and
// objected to by Egypt, a delegate nominated, and a second NGO with a
// request of its own, each party signed in.
type accScenario struct {
	s                         *accSite
	sec, ngo, other, egypt    *browser
	request, otherRequest, de string
}

func newAccScenario(t *testing.T, db *store.DB, locale string) *accScenario {
	t.Helper()
	s := newAccSite(t, db)
	sc := &accScenario{s: s}
	_, sc.sec = s.person(accord.RoleSecretariat, "sec@example.org", locale, "")
	_, sc.egypt = s.person(accord.RoleStateParty, "cairo@example.org", locale, "EG")
	_, sc.ngo = s.ngo("الشبكة العربية للنزاهة", "JO", "none", "ngo@example.org", locale)
	_, sc.other = s.ngo("Other NGO", "PE", "none", "other@example.org", locale)
	sc.sec.createConference(t, "CoSP11", s.clock.Now(), 120, 3)
	sc.request = sc.ngo.requestAndSubmit(t, "CoSP11", "none")
	sc.otherRequest = sc.other.requestAndSubmit(t, "CoSP11", "none")
	sc.sec.fire(t, "/screening", sc.request, "clear", "", "screening").wantRedirect(t, "/screening")
	sc.sec.submit("/conferences/CoSP11/circulation", "/conferences/CoSP11/circulations", url.Values{"confirm": {"on"}}).wantRedirect(t, "/conferences/CoSP11/circulation")
	sc.egypt.submit("/conferences/CoSP11/circulated", "/accreditation-requests/"+sc.request+"/objections",
		url.Values{"grounds": {"أسباب الاعتراض."}}).wantRedirect(t, "/conferences/")
	page := "/accreditation-requests/" + sc.request
	sc.ngo.submit(page, page+"/delegates", nominee("Amal", "Haddad", "N1234567")).wantRedirect(t, page)
	sc.de = delegateOn(t, sc.ngo.get(page), "Ms Amal Haddad")
	return sc
}

// leftover finds what a page would show of a catalog key or placeholder
// it failed to fill.
var leftover = regexp.MustCompile(`\b(?:accreditation|conference|request|delegates|objections|circulated|circulation|screening|referrals|checkin|badge|transparency|err|notice|field|hint|nav)\.[a-z_]+\b|\{[a-z_]+\}`)

// TestAccreditationPagesInArabic: every accreditation page, for every
// role that uses it, is right to left in Arabic and shows no untranslated
// key.
func TestAccreditationPagesInArabic(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		sc := newAccScenario(t, db, "ar")
		req := "/accreditation-requests/" + sc.request
		pages := []struct {
			who  string
			b    *browser
			path string
		}{
			{"public", sc.s.browser("ar"), "/conferences/CoSP11"},
			{"public", sc.s.browser("ar"), "/conferences/CoSP11/transparency"},
			{"public", sc.s.browser("ar"), "/verify/not-a-token"},
			{"secretariat", sc.sec, "/accreditation"},
			{"secretariat", sc.sec, "/accreditation/conferences/new"},
			{"secretariat", sc.sec, "/conferences/CoSP11"},
			{"secretariat", sc.sec, "/conferences/CoSP11/edit"},
			{"secretariat", sc.sec, "/screening"},
			{"secretariat", sc.sec, "/conferences/CoSP11/circulation"},
			{"secretariat", sc.sec, "/conferences/CoSP11/circulated"},
			{"secretariat", sc.sec, "/conferences/CoSP11/referrals"},
			{"secretariat", sc.sec, "/checkin"},
			{"secretariat", sc.sec, req},
			{"secretariat", sc.sec, req + "/objections"},
			{"applicant", sc.ngo, "/accreditation"},
			{"applicant", sc.ngo, "/conferences/CoSP11"},
			{"applicant", sc.ngo, "/conferences/CoSP11/accreditation-requests/new"},
			{"applicant", sc.ngo, req},
			{"applicant", sc.ngo, req + "/objections"},
			{"applicant", sc.ngo, "/delegates/" + sc.de + "/replace"},
			{"state_party", sc.egypt, "/accreditation"},
			{"state_party", sc.egypt, "/conferences/CoSP11"},
			{"state_party", sc.egypt, "/conferences/CoSP11/circulated"},
			{"state_party", sc.egypt, req},
			{"state_party", sc.egypt, req + "/objections"},
		}
		for _, pg := range pages {
			r := pg.b.get(pg.path)
			if r.StatusCode != http.StatusOK {
				t.Errorf("%s %s: status %d\n%s", pg.who, pg.path, r.StatusCode, excerpt(r.body))
				continue
			}
			r.wantContains(t, `<html lang="ar" dir="rtl">`)
			main := r.body[strings.Index(r.body, "<main"):]
			main = regexp.MustCompile(`<script[^>]*></script>`).ReplaceAllString(main, "")
			if m := leftover.FindString(main); m != "" {
				t.Errorf("%s %s shows %q", pg.who, pg.path, m)
			}
		}
		// The navigation leads each role to its pages.
		sc.sec.get("/accreditation").wantContains(t, `href="/screening"`, `href="/checkin"`, "فحص الطلبات")
		sc.egypt.get("/accreditation").wantContains(t, "القوائم المعمَّمة", `href="/conferences/CoSP11/circulated"`)
		sc.ngo.get("/accreditation").wantContains(t, `<a href="/accreditation" aria-current="page">الاعتماد</a>`, "معترَض عليه")
	})
}

// TestAccreditationRefusals: a desk of the secretariat refuses others with
// the 403 page, another NGO's request and its parts are not found (their
// existence is not revealed), and the public is sent to sign in.
func TestAccreditationRefusals(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		sc := newAccScenario(t, db, "en")
		req := "/accreditation-requests/" + sc.request
		for _, c := range []struct {
			who    string
			b      *browser
			path   string
			status int
		}{
			{"applicant", sc.ngo, "/screening", http.StatusForbidden},
			{"applicant", sc.ngo, "/conferences/CoSP11/circulation", http.StatusForbidden},
			{"applicant", sc.ngo, "/conferences/CoSP11/referrals", http.StatusForbidden},
			{"applicant", sc.ngo, "/conferences/CoSP11/circulated", http.StatusForbidden},
			{"applicant", sc.ngo, "/accreditation/conferences/new", http.StatusForbidden},
			{"applicant", sc.ngo, "/conferences/CoSP11/edit", http.StatusForbidden},
			{"applicant", sc.ngo, "/checkin", http.StatusForbidden},
			{"state party", sc.egypt, "/screening", http.StatusForbidden},
			{"state party", sc.egypt, "/checkin", http.StatusForbidden},
			{"state party", sc.egypt, "/conferences/CoSP11/accreditation-requests/new", http.StatusForbidden},
			{"state party", sc.egypt, "/accreditation-requests/" + sc.otherRequest, http.StatusNotFound},
			{"state party", sc.egypt, "/delegates/" + sc.de + "/replace", http.StatusNotFound},
			{"other NGO", sc.other, req, http.StatusNotFound},
			{"other NGO", sc.other, req + "/objections", http.StatusNotFound},
			{"other NGO", sc.other, "/delegates/" + sc.de + "/replace", http.StatusNotFound},
			{"other NGO", sc.other, "/delegates/" + sc.de + "/badge.png", http.StatusNotFound},
			{"anyone", sc.sec, "/accreditation-requests/00000000-0000-4000-8000-000000000000", http.StatusNotFound},
			{"anyone", sc.sec, "/conferences/NoSuchConference", http.StatusNotFound},
		} {
			r := c.b.get(c.path)
			if r.StatusCode != c.status {
				t.Errorf("%s GET %s: %d, want %d", c.who, c.path, r.StatusCode, c.status)
				continue
			}
			title := map[int]string{http.StatusForbidden: "Access refused", http.StatusNotFound: "Page not found"}[c.status]
			r.wantContains(t, "<h1>"+title+"</h1>")
		}
		// Forms refuse as their pages do.
		sc.other.submit("/accreditation", req+"/transitions", url.Values{"event": {"withdraw"}, "version": {"2"}}).
			wantStatus(t, http.StatusNotFound)
		sc.other.submit("/accreditation", req+"/delegates", nominee("Sneaky", "Person", "")).wantStatus(t, http.StatusNotFound)
		sc.ngo.submit("/accreditation", "/checkin", url.Values{"token": {"x.y"}}).wantStatus(t, http.StatusForbidden)
		sc.ngo.submit("/accreditation", "/accreditation/conferences", conferenceForm("Mine", sc.s.clock.Now(), 90, 2)).
			wantStatus(t, http.StatusForbidden)
		if got := sc.s.requestState(sc.request); got != "objected" {
			t.Errorf("another NGO's withdrawal moved the request to %s", got)
		}
		// The other NGO withdraws its own request.
		sc.other.fire(t, "/accreditation-requests/"+sc.otherRequest, sc.otherRequest, "withdraw", "", "").
			wantRedirect(t, "/accreditation-requests/"+sc.otherRequest+"/confirm?")
		sc.other.get("/accreditation-requests/"+sc.otherRequest+"/confirm?event=withdraw&version=2").wantContains(t, "ends it for good")
		sc.other.submit("/accreditation-requests/"+sc.otherRequest, "/accreditation-requests/"+sc.otherRequest+"/transitions",
			url.Values{"event": {"withdraw"}, "version": {"2"}, "confirm": {"on"}}).
			wantRedirect(t, "/accreditation-requests/"+sc.otherRequest+"?notice=acc_withdrawn")
		sc.other.get("/accreditation-requests/"+sc.otherRequest).wantContains(t, "Withdrawn", "The organisation withdrew the request.")
		// The public is asked to sign in, and comes back afterwards.
		sc.s.browser("en").get("/screening").wantRedirect(t, "/login?notice=sign_in_required&next=%2Fscreening")
		sc.s.browser("en").get(req).wantRedirect(t, "/login")
	})
}

// TestCirculationWarnsWhenLate: less than thirty days before the opening,
// the circulation page says that circulating now is late.
func TestCirculationWarnsWhenLate(t *testing.T) {
	onEngines(t, newAccSite, func(t *testing.T, s *accSite) {
		_, sec := s.person(accord.RoleSecretariat, "sec@example.org", "en", "")
		sec.createConference(t, "Soon", s.clock.Now(), 20, 2)
		// Editing keeps what is not changed and guards against a stale form.
		r := sec.get("/conferences/Soon/edit")
		r.wantContains(t, `value="Soon"`, `name="version" value="1"`, `name="conf_name_objecting_states" value="on" checked`)
		edit := conferenceForm("Soon", s.clock.Now(), 20, 2)
		edit.Set("conf_title", "An early session")
		edit.Set("version", "1")
		sec.submit("/conferences/Soon/edit", "/conferences/Soon/edit", edit).wantRedirect(t, "/conferences/Soon?notice=acc_conference_saved")
		s.browser("en").get("/conferences/Soon").wantContains(t, "An early session")
		sec.submit("/conferences/Soon/edit", "/conferences/Soon/edit", edit).wantStatus(t, http.StatusConflict)
		edit.Set("version", "2")
		edit.Set("conf_ends_on", "2020-01-01")
		r = sec.submit("/conferences/Soon/edit", "/conferences/Soon/edit", edit)
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, `id="f-conf_ends_on-error"`, "The closing day cannot be before the opening day.")

		r = sec.get("/conferences/Soon/circulation")
		r.wantContains(t, "Less than thirty days remain before the conference opens.", "The conference opens in 20 days.")
		r = sec.submit("/conferences/Soon/circulation", "/conferences/Soon/circulations", url.Values{"confirm": {"on"}})
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, "There are no screened requests to circulate.")
	})
}

// TestAccreditationKeysBuiltAtRunTime: the keys the pages build from a
// state, an event or a count's name exist (the catalog test then holds
// every language to English).
func TestAccreditationKeysBuiltAtRunTime(t *testing.T) {
	cat, err := i18n.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	add := func(prefix string, names ...string) {
		for _, n := range names {
			keys = append(keys, prefix+n)
		}
	}
	for _, tr := range accreditation.RequestMachine().Transitions {
		add("accreditation.event_", tr.Event)
	}
	add("accreditation.event_", "create")
	states := []string{"draft", "submitted", "changes_requested", "screened", "circulated", "objected", "referred",
		"accredited", "denied", "ineligible", "withdrawn", "revoked"}
	add("accreditation.state_", states...)
	add("accreditation.help_", states...)
	add("accreditation.do_", "submit", "resubmit", "clear", "admit_ecosoc", "request_changes", "reject_ineligible",
		"revoke", "withdraw", "confirm", "issue_badge", "cancel")
	add("accreditation.comment_", "request_changes", "reject_ineligible", "revoke", "decision")
	add("accreditation.ecosoc_", "none", "special", "general", "roster")
	add("objections.state_", "live", "withdrawn", "sustained", "overruled")
	add("delegates.state_", "nominated", "confirmed", "badge_issued", "checked_in", "replaced", "cancelled")
	add("delegates.gender_", "female", "male", "other", "undisclosed")
	for _, list := range []string{"requests", "participants"} {
		add("desk."+list, "_title", "_link", "_count", "_empty")
	}
	for _, k := range []string{"requests", "admitted", "admitted_ecosoc", "circulated", "objected", "referred",
		"admitted_after_objection", "denied", "withdrawn", "revoked"} {
		add("transparency.", k, k+"_def")
	}
	for _, k := range keys {
		if !cat.Has(k) {
			t.Errorf("%s is missing", k)
		}
	}
	for _, p := range cat.Problems() {
		if leftover.MatchString(p) {
			t.Errorf("catalog: %s", p)
		}
	}
}
