package accreditation_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestRule17 follows one conference through rule 17 as the issue's "Must
// show" list has it: ECOSOC admission, circulation of one list, objections
// with grounds, withdrawal, replies, the deadline, the Conference's
// decision and the public counts.
func TestRule17(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sec := e.secretariat()
		france, egypt := e.state("FR", "fr"), e.state("EG", "ar")
		ecosoc := e.ngo("Arab Transparency Network", "LB", "MENA", "special")
		ngoB := e.ngo("Bolivian Integrity Forum", "BO", "AME", "none")
		ngoC := e.ngo("Civic Watch Kenya", "KE", "AFR", "none")
		ngoD := e.ngo("Dhaka Anti-Corruption Alliance", "BD", "ASP", "none")
		quitter := e.ngo("Estonian Openness Union", "EE", "ECA", "none")
		conf := e.conference(sec, "CoSP11", 2)
		confID := conf.str("id")

		reqA := e.submitted(ecosoc, confID)
		reqB, reqC, reqD := e.submitted(ngoB, confID), e.submitted(ngoC, confID), e.submitted(ngoD, confID)
		a, b, c, d := reqA.str("id"), reqB.str("id"), reqC.str("id"), reqD.str("id")
		if !slices.Contains(reqB.events(), "withdraw") || slices.Contains(reqB.events(), "clear") {
			t.Errorf("the applicant's allowed events %v", reqB.events())
		}

		// One open request per organisation and conference.
		e.problem(ngoB, "POST", "/conferences/"+confID+"/accreditation-requests",
			obj{"organization_id": ngoB.OrgID, "motivation": "again"}, http.StatusConflict, "")

		// An ECOSOC NGO is admitted directly; one without the status is not.
		if got := e.fire(sec, "/accreditation-requests/"+a, "admit_ecosoc", "", http.StatusOK).str("state"); got != "accredited" {
			t.Fatalf("admit_ecosoc -> %s", got)
		}
		e.problem(sec, "POST", "/accreditation-requests/"+b+"/transitions", obj{"event": "admit_ecosoc"},
			http.StatusUnprocessableEntity, "ecosoc_status")

		// Three screened requests circulated in one list the States read.
		for _, id := range []string{b, c, d} {
			e.fire(sec, "/accreditation-requests/"+id, "clear", "", http.StatusOK)
		}
		e.problem(sec, "POST", "/conferences/"+confID+"/circulations",
			obj{"objection_deadline": e.Clock.Now().Add(48 * time.Hour)}, http.StatusUnprocessableEntity, "objection_deadline")
		circ := e.call(sec, "POST", "/conferences/"+confID+"/circulations", nil, http.StatusCreated)
		ids, _ := circ["request_ids"].([]any)
		if circ.num("number") != 1 || len(ids) != 3 || ids[0] != b || ids[1] != c || ids[2] != d {
			t.Fatalf("circulation %v: want list 1 of B, C, D in name order", circ)
		}
		deadline := e.Clock.Now().AddDate(0, 0, 30)
		if circ.str("objection_deadline") != deadline.Format(time.RFC3339) {
			t.Errorf("objection_deadline %s, want %s", circ.str("objection_deadline"), deadline.Format(time.RFC3339))
		}
		list := e.call(egypt, "GET", "/conferences/"+confID+"/circulated", nil, http.StatusOK).list("items")
		if len(list) != 3 {
			t.Fatalf("Egypt reads %d circulated requests, want 3", len(list))
		}
		for i, item := range list {
			org, _ := item["organization"].(map[string]any)
			if item.num("circulation_number") != i+1 || org["name_en"] == "" || !slices.Contains(item.events(), "object") {
				t.Errorf("circulated item %d: %v", i, item)
			}
		}
		// Every State party is told, in its language.
		if n := e.count("messages", "template = ? AND user_id = ? AND locale = ?", "accreditation_circulated", egypt.ID, "ar"); n != 1 {
			t.Errorf("Egypt got %d circulation messages in Arabic, want 1", n)
		}

		// An objection needs grounds; with them it is lodged and the NGO
		// is told the grounds.
		e.problem(france, "POST", "/accreditation-requests/"+c+"/objections", obj{"grounds": "  "},
			http.StatusUnprocessableEntity, "grounds")
		grounds := "The organisation's registration was cancelled by a court in 2024."
		objFR := e.call(france, "POST", "/accreditation-requests/"+c+"/objections", obj{"grounds": grounds}, http.StatusCreated)
		if objFR.str("state") != "live" || objFR.str("country") != "FR" || objFR.str("grounds") != grounds {
			t.Fatalf("objection %v", objFR)
		}
		if got := e.stateOf(sec, c); got != "objected" {
			t.Fatalf("request C is %s after the objection, want objected", got)
		}
		if n := e.count("messages", "template = ? AND user_id = ? AND body LIKE ?", "objection_lodged", ngoC.ID, "%"+grounds+"%"); n != 1 {
			t.Errorf("the NGO got %d messages with the grounds, want 1", n)
		}
		// A second live objection by the same State is a conflict.
		e.problem(france, "POST", "/accreditation-requests/"+c+"/objections", obj{"grounds": "Again."}, http.StatusConflict, "")
		objEG := e.call(egypt, "POST", "/accreditation-requests/"+c+"/objections", obj{"grounds": "Not relevant to the Convention."}, http.StatusCreated)

		// France withdrawing its objection returns the request to circulated.
		objD := e.call(france, "POST", "/accreditation-requests/"+d+"/objections", obj{"grounds": "Doubts about its funding."}, http.StatusCreated)
		if got := e.stateOf(sec, d); got != "objected" {
			t.Fatalf("request D is %s, want objected", got)
		}
		// Egypt cannot withdraw France's objection: it sees it (States
		// parties read the objections) but it is not Egypt's to withdraw.
		e.problem(egypt, "POST", "/objections/"+objD.str("id")+"/transitions", obj{"event": "withdraw"}, http.StatusForbidden, "")
		e.problem(egypt, "POST", "/accreditation-requests/"+d+"/transitions", obj{"event": "withdraw_objection"}, http.StatusForbidden, "")
		w := e.fire(france, "/objections/"+objD.str("id"), "withdraw", "Clarified by the organisation.", http.StatusOK)
		if w.str("state") != "withdrawn" {
			t.Fatalf("France's objection is %s after withdrawal", w.str("state"))
		}
		if got := e.stateOf(sec, d); got != "circulated" {
			t.Fatalf("request D is %s after the last objection was withdrawn, want circulated", got)
		}

		// The NGO replies and Egypt sees the reply.
		reply := "The registration was restored on appeal; the judgment is attached to our profile."
		e.call(ngoC, "POST", "/objections/"+objFR.str("id")+"/replies", obj{"text": reply}, http.StatusCreated)
		e.problem(ngoC, "POST", "/objections/"+objFR.str("id")+"/replies", obj{"text": ""}, http.StatusUnprocessableEntity, "text")
		seen := e.call(egypt, "GET", "/accreditation-requests/"+c+"/objections", nil, http.StatusOK).list("items")
		var ofFrance obj
		for _, o := range seen {
			if o.str("country") == "FR" {
				ofFrance = o
			}
		}
		if len(seen) != 2 || len(ofFrance.list("replies")) != 1 || ofFrance.list("replies")[0].str("text") != reply {
			t.Fatalf("Egypt reads objections %v", seen)
		}
		if n := e.count("messages", "template = ? AND user_id = ?", "objection_reply", france.ID); n != 1 {
			t.Errorf("France got %d reply messages, want 1", n)
		}

		// The NGO that withdraws counts as withdrawn.
		q := e.submitted(quitter, confID)
		e.fire(quitter, "/accreditation-requests/"+q.str("id"), "withdraw", "", http.StatusOK)

		// At the deadline: an objection after it is refused even before
		// the engine ticks; then the unopposed requests are accredited and
		// the opposed one referred, exactly once.
		e.Clock.Advance(30*24*time.Hour + time.Minute)
		e.problem(egypt, "POST", "/accreditation-requests/"+b+"/objections", obj{"grounds": "Late."},
			http.StatusUnprocessableEntity, "objection_deadline")
		if n := e.tick(); n != 3 {
			t.Fatalf("tick fired %d, want 3", n)
		}
		if n := e.tick(); n != 0 {
			t.Fatalf("a second tick fired %d, want 0", n)
		}
		for id, want := range map[string]string{b: "accredited", c: "referred", d: "accredited"} {
			if got := e.stateOf(sec, id); got != want {
				t.Errorf("request %s is %s after the deadline, want %s", id, got, want)
			}
		}
		if n := e.count("audit_events", "event = ?", "close_period"); n != 3 {
			t.Errorf("%d close_period events, want 3", n)
		}
		// The secretariat is told of the reply and of the referral, not of
		// the requests the deadline accredited.
		for subject, want := range map[string]int64{"%replied to an objection%": 1, "%referred to the Conference%": 1} {
			if n := e.count("messages", "template = ? AND user_id = ? AND subject LIKE ?", "notice", sec.ID, subject); n != want {
				t.Errorf("the secretariat got %d messages %q, want %d", n, subject, want)
			}
		}
		e.problem(egypt, "POST", "/accreditation-requests/"+b+"/objections", obj{"grounds": "Late."}, http.StatusConflict, "")
		if n := e.count("objections", "accreditation_request_id = ? AND state = ?", c, "live"); n != 2 {
			t.Errorf("%d live objections on the referred request, want 2 until the Conference decides", n)
		}

		// The Conference's decision needs its reference.
		e.problem(sec, "POST", "/accreditation-requests/"+c+"/transitions", obj{"event": "conference_admit"},
			http.StatusUnprocessableEntity, "comment")
		ref := "CAC/COSP/11/L.5, decision 11/1"
		admitted := e.fire(sec, "/accreditation-requests/"+c, "conference_admit", ref, http.StatusOK)
		if admitted.str("state") != "accredited" || admitted.str("decision_reference") != ref {
			t.Fatalf("after conference_admit: %v", admitted)
		}
		for _, id := range []string{objFR.str("id"), objEG.str("id")} {
			if got := e.call(sec, "GET", "/objections/"+id, nil, http.StatusOK).str("state"); got != "overruled" {
				t.Errorf("objection %s is %s, want overruled", id, got)
			}
		}
		// Replies close with the decision.
		e.problem(ngoC, "POST", "/objections/"+objFR.str("id")+"/replies", obj{"text": "One more thing."}, http.StatusConflict, "")

		// The public counts.
		tr := e.call(nil, "GET", "/conferences/"+confID+"/transparency", nil, http.StatusOK)
		want := map[string]int{"requests": 5, "admitted": 4, "admitted_ecosoc": 1, "circulated": 3, "objected": 2,
			"referred": 1, "admitted_after_objection": 2, "denied": 0, "withdrawn": 1}
		for k, n := range want {
			if _, ok := tr[k]; !ok || tr.num(k) != n {
				t.Errorf("transparency %s = %v, want %d", k, tr[k], n)
			}
		}
		states, _ := tr["objecting_states"].([]any)
		if len(states) != 2 || states[0] != "EG" || states[1] != "FR" {
			t.Errorf("objecting_states %v, want [EG FR]", tr["objecting_states"])
		}
		e.call(sec, "PATCH", "/conferences/"+confID, obj{"name_objecting_states": false}, http.StatusOK)
		tr = e.call(nil, "GET", "/conferences/CoSP11/transparency", nil, http.StatusOK)
		if _, named := tr["objecting_states"]; named || tr.num("objected") != 2 {
			t.Errorf("a conference that does not name States: %v", tr)
		}

		// The history is on the record, with the State's grounds, and
		// shows no staff member's id to the NGO.
		h := e.call(ngoC, "GET", "/accreditation-requests/"+c+"/history", nil, http.StatusOK).list("items")
		var events []string
		for _, ev := range h {
			events = append(events, ev.str("event"))
			if ev.str("actor_id") != "" {
				t.Errorf("the NGO sees who acted: %v", ev)
			}
		}
		if strings.Join(events, ",") != "submit,clear,circulate,object,object,close_period,conference_admit" {
			t.Errorf("history %v", events)
		}
	})
}
