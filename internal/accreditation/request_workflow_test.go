package accreditation_test

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/audit"
)

// TestRequestTransitionsAndGuards fires the events the rule 17 walk does
// not: changes and resubmission, ineligibility, the window, the version,
// the Conference's denial, the applicant's withdrawal and revocation.
func TestRequestTransitionsAndGuards(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sec := e.secretariat()
		france := e.state("FR", "en")
		ngo := e.ngo("Kenya Integrity Forum", "KE", "AFR", "none")
		conf := e.conference(sec, "CoSP12", 2)
		confID := conf.str("id")
		path := func(id string) string { return "/accreditation-requests/" + id }

		// submit only while the window is open.
		draft := e.call(ngo, "POST", "/conferences/"+confID+"/accreditation-requests",
			obj{"organization_id": ngo.OrgID, "motivation": "Monitoring."}, http.StatusCreated)
		if draft.str("state") != "draft" || !slices.Contains(draft.events(), "submit") {
			t.Fatalf("draft %v", draft)
		}
		id := draft.str("id")
		e.call(sec, "PATCH", "/conferences/"+confID, obj{"accreditation_opens_at": e.Clock.Now().Add(time.Hour),
			"version": conf.num("version")}, http.StatusOK)
		if slices.Contains(e.call(ngo, "GET", path(id), nil, http.StatusOK).events(), "submit") {
			t.Error("submit offered while the window is closed")
		}
		e.problem(ngo, "POST", path(id)+"/transitions", obj{"event": "submit"}, http.StatusUnprocessableEntity, "accreditation_window")
		// A stale conference version is a conflict.
		e.problem(sec, "PATCH", "/conferences/"+confID, obj{"venue": "Doha", "version": conf.num("version")}, http.StatusConflict, "")
		e.Clock.Advance(2 * time.Hour)
		e.fire(ngo, path(id), "submit", "", http.StatusOK)

		// request_changes needs its message, which the NGO receives.
		e.problem(sec, "POST", path(id)+"/transitions", obj{"event": "request_changes"}, http.StatusUnprocessableEntity, "comment")
		e.fire(sec, path(id), "request_changes", "Please describe your work on chapter V.", http.StatusOK)
		if n := e.count("messages", "user_id = ? AND template = ? AND body LIKE ?", ngo.ID, "accreditation_update", "%chapter V%"); n != 1 {
			t.Errorf("the NGO got %d messages with the secretariat's request", n)
		}
		e.fire(ngo, path(id), "resubmit", "", http.StatusOK)

		// A stale version is a conflict; the current one goes through.
		current := e.call(sec, "GET", path(id), nil, http.StatusOK)
		e.problem(sec, "POST", path(id)+"/transitions", obj{"event": "clear", "version": current.num("version") - 1}, http.StatusConflict, "")

		// reject_ineligible needs reasons; afterwards the organisation may
		// request again.
		e.problem(sec, "POST", path(id)+"/transitions", obj{"event": "reject_ineligible"}, http.StatusUnprocessableEntity, "comment")
		e.fire(sec, path(id), "reject_ineligible", "Not an NGO under the rules.", http.StatusOK)
		e.problem(ngo, "POST", path(id)+"/transitions", obj{"event": "withdraw"}, http.StatusConflict, "")
		again := e.submitted(ngo, confID).str("id")

		// Circulated, objected, referred, denied: the objection sustained.
		e.fire(sec, path(again), "clear", "", http.StatusOK)
		// Circulating one request alone is refused: lists go together.
		e.problem(sec, "POST", path(again)+"/transitions", obj{"event": "circulate"}, http.StatusUnprocessableEntity, "event")
		e.call(sec, "POST", "/conferences/"+confID+"/circulations", nil, http.StatusCreated)
		// A State withdraws its own objection through the request too, and
		// may object again afterwards: one live objection at a time.
		first := e.call(france, "POST", path(again)+"/objections", obj{"grounds": "First grounds."}, http.StatusCreated)
		if got := e.call(france, "GET", path(again), nil, http.StatusOK).events(); !slices.Contains(got, "withdraw_objection") || slices.Contains(got, "object") {
			t.Errorf("France may %v on a request it objected to", got)
		}
		if got := e.fire(france, path(again), "withdraw_objection", "", http.StatusOK).str("state"); got != "circulated" {
			t.Fatalf("after withdraw_objection the request is %s", got)
		}
		if got := e.call(sec, "GET", "/objections/"+first.str("id"), nil, http.StatusOK).str("state"); got != "withdrawn" {
			t.Errorf("the objection is %s after withdraw_objection", got)
		}
		o := e.fire(france, path(again), "object", "Grounds.", http.StatusOK)
		if o.str("state") != "objected" {
			t.Fatalf("object through transitions: %v", o)
		}
		for _, it := range e.call(france, "GET", path(again)+"/objections", nil, http.StatusOK).list("items") {
			if it.str("state") == "live" {
				o = it
			}
		}
		// Sustain and overrule come only with the Conference's decision.
		e.problem(sec, "POST", "/objections/"+o.str("id")+"/transitions", obj{"event": "sustain", "comment": "Ref."},
			http.StatusUnprocessableEntity, "event")
		e.Clock.Advance(31 * 24 * time.Hour)
		// A State withdraws before the deadline only.
		e.problem(france, "POST", "/objections/"+o.str("id")+"/transitions", obj{"event": "withdraw"},
			http.StatusUnprocessableEntity, "objection_deadline")
		e.tick()
		e.problem(sec, "POST", path(again)+"/transitions", obj{"event": "conference_deny"}, http.StatusUnprocessableEntity, "comment")
		denied := e.fire(sec, path(again), "conference_deny", "CAC/COSP/12/L.2", http.StatusOK)
		if denied.str("state") != "denied" || denied.str("decision_reference") != "CAC/COSP/12/L.2" {
			t.Fatalf("after conference_deny: %v", denied)
		}
		if got := e.call(france, "GET", "/objections/"+o.str("id"), nil, http.StatusOK).str("state"); got != "sustained" {
			t.Errorf("France's objection is %s, want sustained", got)
		}
		tr := e.call(nil, "GET", "/conferences/"+confID+"/transparency", nil, http.StatusOK)
		if tr.num("denied") != 1 || tr.num("referred") != 1 || tr.num("requests") != 2 {
			t.Errorf("transparency after a denial: %v", tr)
		}

		// An accredited request cannot be withdrawn; it can be revoked, with
		// reasons.
		ecosoc := e.ngo("Global ECOSOC Partner", "CH", "ECA", "general")
		_, acc := e.AccreditedRequest(sec, ecosoc, ecosoc.OrgID)
		e.problem(ecosoc, "POST", path(acc)+"/transitions", obj{"event": "withdraw"}, http.StatusConflict, "")
		e.problem(sec, "POST", path(acc)+"/transitions", obj{"event": "revoke"}, http.StatusUnprocessableEntity, "comment")
		if got := e.fire(sec, path(acc), "revoke", "False declarations.", http.StatusOK).str("state"); got != "revoked" {
			t.Errorf("after revoke: %s", got)
		}
		e.problem(sec, "POST", path(acc)+"/transitions", obj{"event": "no_such_event"}, http.StatusUnprocessableEntity, "event")
	})
}

// TestShortDeadlines: with ACCORD_ALLOW_SHORT_DEADLINES a drill may set an
// objection deadline an hour away, and the engine honours it.
func TestShortDeadlines(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sec := e.secretariat()
		ngo := e.ngo("Peru Transparency Lab", "PE", "AME", "none")
		confID := e.conference(sec, "DRILL", 2).str("id")
		id := e.submitted(ngo, confID).str("id")
		e.fire(sec, "/accreditation-requests/"+id, "clear", "", http.StatusOK)
		e.problem(sec, "POST", "/conferences/"+confID+"/circulations",
			obj{"objection_deadline": e.Clock.Now().Add(-time.Minute)}, http.StatusUnprocessableEntity, "objection_deadline")
		deadline := e.Clock.Now().Add(time.Hour)
		circ := e.call(sec, "POST", "/conferences/"+confID+"/circulations", obj{"objection_deadline": deadline}, http.StatusCreated)
		if circ.str("objection_deadline") != deadline.Format(time.RFC3339) {
			t.Fatalf("deadline %s, want %s", circ.str("objection_deadline"), deadline.Format(time.RFC3339))
		}
		e.Clock.Advance(59 * time.Minute)
		if n := e.tick(); n != 0 {
			t.Fatalf("tick before the deadline fired %d", n)
		}
		e.Clock.Advance(time.Minute)
		if n := e.tick(); n != 1 {
			t.Fatalf("tick at the deadline fired %d, want 1", n)
		}
		if got := e.stateOf(sec, id); got != "accredited" {
			t.Fatalf("unopposed request is %s at the deadline", got)
		}
	}, shortDeadlines)
}

// TestLateCirculationIsRecorded: circulating less than thirty days before
// the opening is allowed, marked late and kept on the record.
func TestLateCirculationIsRecorded(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sec := e.secretariat()
		ngo := e.ngo("Late Filers Association", "GH", "AFR", "none")
		conf := e.conference(sec, "LATE", 2)
		confID := conf.str("id")
		soon := e.Clock.Now().AddDate(0, 0, 20).Format("2006-01-02")
		e.call(sec, "PATCH", "/conferences/"+confID, obj{"starts_on": soon, "ends_on": soon,
			"nomination_cutoff_at": e.Clock.Now().AddDate(0, 0, 10)}, http.StatusOK)
		id := e.submitted(ngo, confID).str("id")
		e.fire(sec, "/accreditation-requests/"+id, "clear", "", http.StatusOK)
		circ := e.call(sec, "POST", "/conferences/"+confID+"/circulations", nil, http.StatusCreated)
		if circ["late"] != true {
			t.Fatalf("circulation %v not marked late", circ)
		}
		events, err := audit.ForEntity(context.Background(), e.DB.WithContext(context.Background()), "conference", confID)
		if err != nil {
			t.Fatal(err)
		}
		late := false
		for _, ev := range events {
			if ev.Event == "circulate" && ev.Data["late"] == true {
				late = true
			}
		}
		if !late {
			t.Errorf("no audit fact of the late circulation among %d conference events", len(events))
		}
	})
}

// TestConferenceValidation: the dates and the window must make sense.
func TestConferenceValidation(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sec := e.secretariat()
		now := e.Clock.Now()
		bad := obj{
			"code": "BAD", "title": "Bad", "starts_on": "2026-06-10", "ends_on": "2026-06-01",
			"accreditation_opens_at": now, "accreditation_closes_at": now.Add(-time.Hour),
			"nomination_cutoff_at": now, "max_delegates": 0,
		}
		p := e.problem(sec, "POST", "/conferences", bad, http.StatusUnprocessableEntity, "ends_on")
		for _, f := range []string{"accreditation_closes_at", "max_delegates"} {
			if !hasField(p, f) {
				t.Errorf("no error on %s: %v", f, p)
			}
		}
		e.conference(sec, "GOOD", 2)
		r := e.do(sec, "POST", "/conferences", obj{"code": "GOOD", "title": "Twice", "starts_on": "2026-09-01",
			"ends_on": "2026-09-05", "accreditation_opens_at": now, "accreditation_closes_at": now.Add(time.Hour),
			"nomination_cutoff_at": now.Add(2 * time.Hour)})
		if r.status != http.StatusConflict {
			t.Errorf("a second conference with one code: %d %s", r.status, r.body)
		}
		e.problem(sec, "POST", "/conferences", obj{"code": "X", "unknown": 1}, http.StatusBadRequest, "unknown")
	})
}
