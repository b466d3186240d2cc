package webui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
)

// TestRule17ThroughThePages follows one conference through rule 17 as its
// people do it on the pages: the secretariat creates the conference, NGOs
// request and submit, the secretariat admits an ECOSOC NGO and clears two
// others and circulates them; France objects with grounds (and is told in
// French when it gives none), the NGO replies, Egypt reads the reply,
// France withdraws; at the deadline the unopposed request is accredited
// and the opposed one referred; the Conference's decision is recorded
// with its reference; the public report counts it all.
func TestRule17ThroughThePages(t *testing.T) {
	onEngines(t, newAccSite, func(t *testing.T, s *accSite) {
		_, sec := s.person(accord.RoleSecretariat, "sec@example.org", "en", "")
		_, france := s.person(accord.RoleStateParty, "paris@example.org", "fr", "FR")
		_, egypt := s.person(accord.RoleStateParty, "cairo@example.org", "ar", "EG")
		_, ngoA := s.ngo("Arab Transparency Network", "LB", "special", "a@example.org", "en")
		_, ngoB := s.ngo("Bolivian Integrity Forum", "BO", "none", "b@example.org", "en")
		_, ngoC := s.ngo("Civic Watch Kenya", "KE", "none", "c@example.org", "en")

		// The conference, through the secretariat's form: a missing title
		// is shown beside its field, with what was typed kept.
		form := conferenceForm("CoSP11", s.clock.Now(), 120, 2)
		form.Set("conf_title", "")
		r := sec.submit("/accreditation/conferences/new", "/accreditation/conferences", form)
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, `id="f-conf_title-error"`, "This field is required.", `value="CoSP11"`, `value="Vienna International Centre"`)
		form.Set("conf_title", "Eleventh session of the Conference of the States Parties")
		sec.submit("/accreditation/conferences/new", "/accreditation/conferences", form).
			wantRedirect(t, "/conferences/CoSP11?notice=acc_conference_saved")
		s.browser("fr").get("/conferences/CoSP11").wantContains(t, "Conférence CoSP11", "Demandes d&#39;accréditation", "ouvertes")

		// Each NGO requests and submits through its pages; a request
		// without motivation is refused beside the field.
		r = ngoA.submit("/conferences/CoSP11/accreditation-requests/new", "/conferences/CoSP11/accreditation-requests",
			url.Values{"req_ecosoc_status": {"special"}, "req_motivation": {"  "}})
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, `id="f-req_motivation-error"`, "This field is required.")
		a := ngoA.requestAndSubmit(t, "CoSP11", "special")
		b := ngoB.requestAndSubmit(t, "CoSP11", "none")
		c := ngoC.requestAndSubmit(t, "CoSP11", "none")
		ngoB.get("/accreditation-requests/"+b).wantContains(t, "Submitted", `value="withdraw"`)
		ngoB.get("/accreditation").wantContains(t, "Eleventh session of the Conference of the States Parties", "Submitted")

		// The screening desk: three waiting; admission for ECOSOC status
		// offered for the one NGO that holds it.
		r = sec.get("/screening")
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, "3 requests waiting", "Arab Transparency Network", "Bolivian Integrity Forum", "Civic Watch Kenya",
			"Special consultative status")
		if n := strings.Count(r.body, `name="event" value="admit_ecosoc"`); n != 1 {
			t.Errorf("admit_ecosoc offered %d times on the desk, want once (the ECOSOC NGO)", n)
		}
		// Asking for changes needs a message, shown beside that form alone.
		r = sec.fire(t, "/screening", c, "request_changes", " ", "screening")
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, `id="f-`+c+`-request_changes-comment-error"`, "This field is required.")
		if strings.Count(r.body, `class="field-error"`) != 1 {
			t.Error("the error shows on more than the one form sent")
		}
		// With a message, the NGO reads it, changes nothing here but
		// submits again.
		sec.fire(t, "/screening", c, "request_changes", "Please state your work on chapter V.", "screening").
			wantRedirect(t, "/screening?notice=acc_recorded")
		r = ngoC.get("/accreditation-requests/" + c)
		r.wantContains(t, "Changes requested", "Please state your work on chapter V.", `value="resubmit"`)
		ngoC.fire(t, "/accreditation-requests/"+c, c, "resubmit", "", "").wantRedirect(t, "/accreditation-requests/"+c+"?notice=acc_submitted")
		sec.fire(t, "/screening", a, "admit_ecosoc", "", "screening").wantRedirect(t, "/screening?notice=acc_recorded")
		sec.fire(t, "/screening", b, "clear", "", "screening").wantRedirect(t, "/screening")
		sec.fire(t, "/screening", c, "clear", "", "screening").wantRedirect(t, "/screening")
		sec.get("/screening").wantContains(t, "0 requests waiting")
		if got := s.requestState(a); got != "accredited" {
			t.Fatalf("the ECOSOC NGO is %s", got)
		}

		// Circulation: both screened requests on one list, in name order,
		// 120 days before the opening: no warning.
		r = sec.get("/conferences/CoSP11/circulation")
		r.wantContains(t, "2 screened requests to circulate", "Circulate 2 requests")
		r.wantLacks(t, "Less than thirty days")
		// Circulating cannot be recalled: a page names the requests and asks again.
		r = sec.submit("/conferences/CoSP11/circulation", "/conferences/CoSP11/circulations", url.Values{"circ_objection_deadline": {""}})
		r.wantRedirect(t, "/conferences/CoSP11/circulation/confirm?")
		sec.get(r.Header.Get("Location")).wantContains(t, "It cannot be recalled.", `name="confirm" value="on"`)
		if got := s.requestState(b); got != "screened" {
			t.Fatalf("asking to confirm circulated B already: %s", got)
		}
		r = sec.submit("/conferences/CoSP11/circulation", "/conferences/CoSP11/circulations", url.Values{"circ_objection_deadline": {""}, "confirm": {"on"}})
		r.wantRedirect(t, "/conferences/CoSP11/circulation?notice=acc_circulated")
		sec.get("/conferences/CoSP11/circulation").wantContains(t, "List 1", "Circulated to the States parties")

		// France reads the list in French; an objection without grounds
		// is refused beside its field, in French, on that request alone.
		r = france.get("/conferences/CoSP11/circulated")
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, "Bolivian Integrity Forum", "Civic Watch Kenya", "Liste 1", "Les objections peuvent être formulées jusqu",
			`action="/accreditation-requests/`+b+`/objections"`, `action="/accreditation-requests/`+c+`/objections"`)
		r.wantLacks(t, "Arab Transparency Network")
		r = france.submit("/conferences/CoSP11/circulated", "/accreditation-requests/"+b+"/objections", url.Values{"grounds": {" "}})
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, `<html lang="fr" dir="ltr">`, `id="f-`+b+`-object-grounds-error"`,
			"Indiquez les motifs de l&#39;objection : une objection sans motifs n&#39;est pas acceptée.")
		const grounds = "The organisation's registration was annulled by our courts in 2024."
		france.submit("/conferences/CoSP11/circulated", "/accreditation-requests/"+b+"/objections", url.Values{"grounds": {grounds}}).
			wantRedirect(t, "/conferences/")
		if got := s.requestState(b); got != "objected" {
			t.Fatalf("after France's objection B is %s", got)
		}
		// One live objection per State: the form is gone, and sending it
		// anyway is refused.
		r = france.get("/conferences/CoSP11/circulated")
		r.wantContains(t, "Objection de : France", "The organisation&#39;s registration was annulled")
		r.wantLacks(t, `action="/accreditation-requests/`+b+`/objections"`)
		r2 := france.submit("/conferences/CoSP11/circulated", "/accreditation-requests/"+b+"/objections", url.Values{"grounds": {"again"}})
		r2.wantStatus(t, http.StatusConflict)
		r2.wantContains(t, "Aucune objection ne peut être formulée sur cette demande maintenant")
		// France is offered the withdrawal of its objection.
		oid := r.find(t, `action="/objections/([0-9a-f-]{36})/transitions"`)

		// The NGO reads the grounds and replies.
		r = ngoB.get("/accreditation-requests/" + b)
		r.wantContains(t, "Objected to", "1 objection lodged.")
		r = ngoB.get("/accreditation-requests/" + b + "/objections")
		r.wantContains(t, "Objection by France", "The organisation&#39;s registration was annulled")
		ngoB.submit("/accreditation-requests/"+b+"/objections", "/objections/"+oid+"/replies", url.Values{"text": {""}}).
			wantStatus(t, http.StatusUnprocessableEntity)
		const reply = "The annulment was overturned on appeal in 2025; the judgment is attached to our profile."
		ngoB.submit("/accreditation-requests/"+b+"/objections", "/objections/"+oid+"/replies", url.Values{"text": {reply}}).
			wantRedirect(t, "/accreditation-requests/"+b+"/objections?notice=acc_reply_sent")

		// Egypt reads the objection and the reply, in Arabic, and may not
		// withdraw France's objection.
		r = egypt.get("/conferences/CoSP11/circulated")
		r.wantContains(t, `<html lang="ar" dir="rtl">`, "اعتراض من فرنسا", "overturned on appeal in 2025")
		r.wantLacks(t, `action="/objections/`+oid+`/transitions"`)
		egypt.submit("/conferences/CoSP11/circulated", "/objections/"+oid+"/transitions", url.Values{"event": {"withdraw"}, "version": {"1"}}).
			wantStatus(t, http.StatusForbidden)
		// Egypt objects to C and stands by it.
		egypt.submit("/conferences/CoSP11/circulated", "/accreditation-requests/"+c+"/objections",
			url.Values{"grounds": {"المنظمة لا تعمل في مجال مكافحة الفساد."}}).wantRedirect(t, "/conferences/")

		// France withdraws: B returns to circulated.
		france.fireAt(t, "/conferences/CoSP11/circulated", "/objections/"+oid+"/transitions", "withdraw", url.Values{}).
			wantRedirect(t, "/objections/"+oid+"/confirm?")
		france.get("/objections/"+oid+"/confirm?event=withdraw&version=1").wantContains(t, `name="confirm" value="on"`, `href="/conferences/`)
		if got := s.requestState(b); got != "objected" {
			t.Fatalf("asking to confirm withdrew France's objection already: B is %s", got)
		}
		france.submit("/conferences/CoSP11/circulated", "/objections/"+oid+"/transitions",
			url.Values{"event": {"withdraw"}, "version": {"1"}, "confirm": {"on"}}).wantRedirect(t, "/conferences/")
		if got := s.requestState(b); got != "circulated" {
			t.Fatalf("after France withdrew B is %s", got)
		}

		// The deadline passes: B accredited, C referred; no objection now.
		s.clock.Advance(31 * 24 * time.Hour)
		s.tick()
		if sb, sc := s.requestState(b), s.requestState(c); sb != "accredited" || sc != "referred" {
			t.Fatalf("after the deadline B is %s and C %s, want accredited and referred", sb, sc)
		}
		r = france.get("/conferences/CoSP11/circulated")
		r.wantContains(t, "Le délai d&#39;objection a expiré")
		r.wantLacks(t, `action="/accreditation-requests/`+c+`/objections"`)
		r = france.submit("/conferences/CoSP11/circulated", "/accreditation-requests/"+c+"/objections", url.Values{"grounds": {"late"}})
		r.wantStatus(t, http.StatusConflict)
		r.wantContains(t, "Aucune objection ne peut être formulée sur cette demande maintenant")
		r = s.browser("en").get("/conferences/CoSP11")
		r.wantContains(t, "2 accredited organisations", "Arab Transparency Network", "Bolivian Integrity Forum")
		r.wantLacks(t, "Civic Watch Kenya")

		// The referral list, with the time left before the opening; the
		// decision needs its choice and its reference.
		r = sec.get("/conferences/CoSP11/referrals")
		r.wantContains(t, "Civic Watch Kenya", "المنظمة لا تعمل في مجال مكافحة الفساد.", "89 days left before the opening on 30 June 2026.")
		version := versionIn(t, r, "/accreditation-requests/"+c+"/transitions", "conference_admit")
		decide := func(event, reference string) response {
			return sec.submit("/conferences/CoSP11/referrals", "/accreditation-requests/"+c+"/transitions",
				url.Values{"back": {"referrals"}, "event": {event}, "comment": {reference}, "version": {version}})
		}
		r = decide("", "CAC/COSP/11/L.5")
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, "Choose the Conference&#39;s decision.", `value="CAC/COSP/11/L.5"`)
		r = decide("conference_admit", " ")
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, `id="f-`+c+`-decision-comment-error"`, "This field is required.")
		decide("conference_admit", "CAC/COSP/11/L.5").wantRedirect(t, "/conferences/")
		if got := s.requestState(c); got != "accredited" {
			t.Fatalf("after the Conference admitted it C is %s", got)
		}
		sec.get("/conferences/CoSP11/referrals").wantContains(t, "No request is waiting for the Conference&#39;s decision.")
		r = ngoC.get("/accreditation-requests/" + c + "/objections")
		r.wantContains(t, "Overruled by the Conference")
		r.wantLacks(t, `action="/objections/`)
		ngoC.get("/accreditation-requests/"+c).wantContains(t, "Accredited", "CAC/COSP/11/L.5", "Admitted by the Conference")

		// The public report counts what happened, and names the State
		// whose objection stood.
		r = s.browser("en").get("/conferences/CoSP11/transparency")
		r.wantStatus(t, http.StatusOK)
		for key, n := range map[string]string{"requests": "3", "admitted": "3", "admitted_ecosoc": "1", "circulated": "2",
			"objected": "2", "referred": "1", "admitted_after_objection": "2", "denied": "0", "withdrawn": "0"} {
			re := regexp.MustCompile(`id="count-` + key + `">\s*<dt>[^<]*</dt>\s*<dd class="count-value">` + n + `</dd>`)
			if !re.MatchString(r.body) {
				t.Errorf("transparency %s is not %s\n%s", key, n, excerpt(r.body))
			}
		}
		states := r.body[strings.Index(r.body, `id="objecting-states"`):]
		if !strings.Contains(states, "Egypt") || strings.Contains(states, "France") {
			t.Errorf("objecting States: want Egypt, not France (withdrawn)\n%s", excerpt(states))
		}
	})
}
