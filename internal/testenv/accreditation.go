package testenv

import (
	"net/http"
	"time"
)

// Conference creates, over the API as sec, conference code: open for
// accreditation since an hour ago, maxDelegates a request, objections for
// 30 days, opening in 120 days. It returns the conference's id.
func (e *Env) Conference(sec *User, code string, maxDelegates int) string {
	e.T.Helper()
	now := e.Clock.Now()
	var conf struct{ ID string }
	e.Call(sec, "POST", "/conferences", map[string]any{
		"code": code, "title": "Conference " + code, "venue": "Vienna",
		"starts_on": now.AddDate(0, 0, 120).Format("2006-01-02"), "ends_on": now.AddDate(0, 0, 124).Format("2006-01-02"),
		"accreditation_opens_at": now.Add(-time.Hour), "accreditation_closes_at": now.AddDate(0, 0, 60),
		"nomination_cutoff_at": now.AddDate(0, 0, 100), "max_delegates": maxDelegates, "objection_period_days": 30,
	}).Want(e.T, http.StatusCreated).Decode(e.T, &conf)
	return conf.ID
}

// SubmittedRequest is the request of orgID to conference confID that ngo
// makes and submits over the API; it returns the request's id.
func (e *Env) SubmittedRequest(ngo *User, confID, orgID string) string {
	e.T.Helper()
	var req struct{ ID string }
	e.Call(ngo, "POST", "/conferences/"+confID+"/accreditation-requests", map[string]any{"organization_id": orgID, "motivation": "Monitoring."}).
		Want(e.T, http.StatusCreated).Decode(e.T, &req)
	e.Fire(ngo, "/accreditation-requests/"+req.ID, "submit", "").Want(e.T, http.StatusOK)
	return req.ID
}

// AccreditedRequest creates conference CoSP11 (see Conference, three
// delegates a request) as sec, and the request of orgID that ngo submits
// and sec admits on ECOSOC status, and returns their ids: the start of
// every test of nominations, badges and the door.
func (e *Env) AccreditedRequest(sec, ngo *User, orgID string) (confID, reqID string) {
	e.T.Helper()
	confID = e.Conference(sec, "CoSP11", 3)
	reqID = e.SubmittedRequest(ngo, confID, orgID)
	e.Fire(sec, "/accreditation-requests/"+reqID, "admit_ecosoc", "").Want(e.T, http.StatusOK)
	return confID, reqID
}
