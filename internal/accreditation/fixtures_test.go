package accreditation_test

import (
	"net/http"
	"time"
)

// The scenarios many tests start from: a conference, submitted requests,
// two rival organisations, a delegate with a badge. The environment and
// its client are in harness_test.go.

// conference creates a conference over the API, starting 120 days from
// now, with its accreditation window open.
func (e *env) conference(sec *user, code string, maxDelegates int) obj {
	e.T.Helper()
	now := e.Clock.Now()
	day := func(d int) string { return now.AddDate(0, 0, d).Format("2006-01-02") }
	return e.call(sec, "POST", "/conferences", obj{
		"code": code, "title": "Conference " + code, "venue": "Vienna International Centre",
		"starts_on": day(120), "ends_on": day(124),
		"accreditation_opens_at":  now.Add(-24 * time.Hour),
		"accreditation_closes_at": now.AddDate(0, 0, 60),
		"nomination_cutoff_at":    now.AddDate(0, 0, 100),
		"max_delegates":           maxDelegates, "objection_period_days": 30, "name_objecting_states": true,
	}, http.StatusCreated)
}

// submitted creates a request of u's organisation and submits it.
func (e *env) submitted(u *user, confID string) obj {
	e.T.Helper()
	r := e.call(u, "POST", "/conferences/"+confID+"/accreditation-requests",
		obj{"organization_id": u.OrgID, "motivation": "We monitor the Convention's implementation."}, http.StatusCreated)
	return e.fire(u, "/accreditation-requests/"+r.str("id"), "submit", "", http.StatusOK)
}

// rivals are two organisations whose requests to one conference, of five
// delegates a request, are submitted: where one passport may be nominated
// twice.
type rivals struct {
	sec, a, b      *user
	confID, ra, rb string // the conference, a's request and b's
}

func (e *env) rivals() rivals {
	e.T.Helper()
	r := rivals{sec: e.secretariat()}
	r.a = e.ngo("Arab Transparency Network", "JO", "MENA", "general")
	r.b = e.ngo("Other Watch", "PE", "AME", "none")
	r.confID = e.conference(r.sec, "C1", 5).str("id")
	r.ra, r.rb = e.submitted(r.a, r.confID).str("id"), e.submitted(r.b, r.confID).str("id")
	return r
}

// delegatesOf is the path of a request's delegates, where nominations go.
func delegatesOf(requestID string) string {
	return "/accreditation-requests/" + requestID + "/delegates"
}

// badgeIssued nominates n as ngo on the accredited request reqID, and
// has sec confirm the delegate and issue the badge; a nominee has no
// badge code yet. It returns the delegate's id.
func (e *env) badgeIssued(sec, ngo *user, reqID string, n obj) string {
	e.T.Helper()
	d := e.call(ngo, "POST", delegatesOf(reqID), n, http.StatusCreated)
	if _, ok := d["badge_code"]; ok {
		e.T.Fatalf("a nominee has a badge code: %v", d)
	}
	path := "/delegates/" + d.str("id")
	e.fire(sec, path, "confirm", "", http.StatusOK)
	e.fire(sec, path, "issue_badge", "", http.StatusOK)
	return d.str("id")
}
