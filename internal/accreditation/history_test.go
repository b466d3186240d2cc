package accreditation_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/workflow"
)

// TestDelegateHistory: a delegate's timeline is served like every
// workflow's: the secretariat learns who acted, the organisation what
// happened and when, and nobody else that the delegate exists.
func TestDelegateHistory(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	sec := e.secretariat()
	ngo := e.ngo("Tunisian Integrity Watch", "TN", "MENA", "special")
	other := e.ngo("Jordan Transparency", "JO", "MENA", "none")
	confID := e.conference(sec, "CoSP11", 2).str("id")
	req := e.submitted(ngo, confID).str("id")
	d := "/delegates/" + e.call(ngo, "POST", "/accreditation-requests/"+req+"/delegates",
		nominee("Amal", "Haddad", "N1234567"), http.StatusCreated).str("id")
	e.fire(sec, d, "confirm", "", http.StatusOK)

	history := func(u *user) []workflow.HistoryEntry {
		t.Helper()
		var page struct{ Items []workflow.HistoryEntry }
		r := e.do(u, "GET", d+"/history", nil)
		if r.status != http.StatusOK {
			t.Fatalf("%s: history %d %s", who(u), r.status, r.body)
		}
		if err := json.Unmarshal(r.body, &page); err != nil {
			t.Fatal(err)
		}
		return page.Items
	}
	staff, own := history(sec), history(ngo)
	// The secretariat also sees the record keeping: the nomination.
	if len(staff) != 2 || staff[0].Event != "nominate" || !staff[0].Internal ||
		staff[1].Event != "confirm" || staff[1].ToState != "confirmed" || staff[1].ActorID != sec.ID {
		t.Fatalf("secretariat's history: %+v", staff)
	}
	if len(own) != 1 || own[0].Event != "confirm" || own[0].ActorID != "" || own[0].ActorRole != "secretariat" {
		t.Fatalf("organisation's history: %+v", own)
	}
	e.problem(other, "GET", d+"/history", nil, http.StatusNotFound, "")
	e.problem(ngo, "GET", "/objections/"+req+"/history", nil, http.StatusNotFound, "")
}
