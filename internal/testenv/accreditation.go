package testenv

import (
	"net/http"
	"time"
)

// AccreditedRequest creates, over the API, conference CoSP11 open for
// accreditation (three delegates a request, objections for 30 days) as
// sec, and the request of orgID that ngo submits and sec admits on
// ECOSOC status, and returns their ids: the start of every test of
// nominations, badges and the door.
func (e *Env) AccreditedRequest(sec, ngo *User, orgID string) (confID, reqID string) {
	e.T.Helper()
	now := e.Clock.Now()
	var conf, req struct{ ID string }
	e.Call(sec, "POST", "/conferences", map[string]any{
		"code": "CoSP11", "title": "Conference", "venue": "Vienna",
		"starts_on": now.AddDate(0, 0, 120).Format("2006-01-02"), "ends_on": now.AddDate(0, 0, 124).Format("2006-01-02"),
		"accreditation_opens_at": now.Add(-time.Hour), "accreditation_closes_at": now.AddDate(0, 0, 60),
		"nomination_cutoff_at": now.AddDate(0, 0, 100), "max_delegates": 3, "objection_period_days": 30,
	}).Want(e.T, http.StatusCreated).Decode(e.T, &conf)
	e.Call(ngo, "POST", "/conferences/"+conf.ID+"/accreditation-requests", map[string]any{"organization_id": orgID, "motivation": "Monitoring."}).
		Want(e.T, http.StatusCreated).Decode(e.T, &req)
	e.Fire(ngo, "/accreditation-requests/"+req.ID, "submit", "").Want(e.T, http.StatusOK)
	e.Fire(sec, "/accreditation-requests/"+req.ID, "admit_ecosoc", "").Want(e.T, http.StatusOK)
	return conf.ID, req.ID
}
