package membership_test

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/workflow"
)

// member takes the scenario's organisation through approval and returns
// its membership.
func (e *env) member(sc *scenario) membership.MembershipView {
	e.t.Helper()
	a := e.underReview(sc)
	e.mustFire(sc.coordinator, a.ID, "approve", "", membership.AppApproved)
	var page struct{ Items []membership.MembershipView }
	e.do("GET", "/memberships", sc.applicant, nil).want(e.t, http.StatusOK).decode(e.t, &page)
	if len(page.Items) != 1 {
		e.t.Fatalf("%d memberships", len(page.Items))
	}
	return page.Items[0]
}

func (e *env) fireMembership(u *user, id, event, comment string) response {
	e.t.Helper()
	var m membership.Membership
	if err := e.db.WithContext(context.Background()).Where("id = ?", id).Take(&m).Error; err != nil {
		e.t.Fatal(err)
	}
	return e.do("POST", "/memberships/"+id+"/transitions", u, map[string]any{"event": event, "comment": comment, "version": m.Version})
}

func (e *env) mustFireMembership(u *user, id, event, comment, state string) membership.MembershipView {
	e.t.Helper()
	var m membership.MembershipView
	e.fireMembership(u, id, event, comment).want(e.t, http.StatusOK).decode(e.t, &m)
	if m.State != state {
		e.t.Fatalf("%s: state %s, want %s", event, m.State, state)
	}
	return m
}

// TestMembershipMachine: reconfirmation within its window, the lapse the
// engine fires 30 days after a missed anniversary, reconfirming a lapsed
// membership, suspension, reinstatement, termination and resignation, each
// by whom the table says.
func TestMembershipMachine(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		ctx := t.Context()
		sc := e.newScenario("en")
		m := e.member(sc)
		if m.State != membership.MembershipActive || !m.RenewalDue.Equal(m.Since.AddDate(1, 0, 0)) || m.Region != "MENA" {
			t.Fatalf("new membership: %s since %v due %v region %s", m.State, m.Since, m.RenewalDue, m.Region)
		}
		if !slices.Equal(m.AllowedEvents, []string{"resign"}) {
			t.Fatalf("a new member may %v", m.AllowedEvents)
		}
		p := e.fireMembership(sc.applicant, m.ID, "reconfirm", "").problem(t, http.StatusUnprocessableEntity)
		if !hasField(p, "renewal_due") {
			t.Fatalf("early reconfirmation: %+v", p)
		}

		// Inside the window: reconfirming moves the anniversary a year on.
		e.clock.Advance(m.RenewalDue.Sub(e.clock.Now()) - 30*24*time.Hour)
		again := e.mustFireMembership(sc.applicant, m.ID, "reconfirm", "", membership.MembershipActive)
		if !again.RenewalDue.Equal(m.RenewalDue.AddDate(1, 0, 0)) || again.ReconfirmedAt == nil {
			t.Fatalf("reconfirmed: due %v (was %v), at %v", again.RenewalDue, m.RenewalDue, again.ReconfirmedAt)
		}
		e.fireMembership(sc.coordinator, m.ID, "reconfirm", "").problem(t, http.StatusForbidden)

		// Missed: the engine lapses it 30 days after the anniversary.
		e.clock.Advance(again.RenewalDue.Sub(e.clock.Now()) + membership.LapseGrace - time.Second)
		if n, err := e.engine.Tick(ctx); err != nil || n != 0 {
			t.Fatalf("tick within the grace fired %d (%v)", n, err)
		}
		e.clock.Advance(time.Second)
		if n, err := e.engine.Tick(ctx); err != nil || n != 1 {
			t.Fatalf("tick after the grace fired %d (%v)", n, err)
		}
		var lapsed membership.MembershipView
		e.do("GET", "/memberships/"+m.ID, sc.applicant, nil).want(t, http.StatusOK).decode(t, &lapsed)
		if lapsed.State != membership.MembershipLapsed || !slices.Equal(lapsed.AllowedEvents, []string{"reconfirm"}) {
			t.Fatalf("after the grace: %s, allowed %v", lapsed.State, lapsed.AllowedEvents)
		}
		var dir struct{ Items []membership.DirectoryEntry }
		e.do("GET", "/directory", nil, nil).want(t, http.StatusOK).decode(t, &dir)
		if len(dir.Items) != 0 {
			t.Fatalf("a lapsed member is in the directory: %+v", dir.Items)
		}
		back := e.mustFireMembership(sc.applicant, m.ID, "reconfirm", "", membership.MembershipActive)
		if !back.RenewalDue.After(e.clock.Now()) {
			t.Fatalf("reconfirmed after lapsing, due %v is not ahead", back.RenewalDue)
		}

		// Suspension and its ends, by the secretariat only, with reasons.
		e.fireMembership(sc.applicant, m.ID, "suspend", "no").problem(t, http.StatusForbidden)
		e.fireMembership(sc.coordinator, m.ID, "suspend", "no").problem(t, http.StatusForbidden)
		e.fireMembership(sc.secretariat, m.ID, "suspend", " ").problem(t, http.StatusUnprocessableEntity)
		e.mustFireMembership(sc.secretariat, m.ID, "suspend", "Under investigation for misuse of funds.", membership.MembershipSuspended)
		e.fireMembership(sc.applicant, m.ID, "resign", "").problem(t, http.StatusConflict)
		e.mustFireMembership(sc.secretariat, m.ID, "reinstate", "Cleared.", membership.MembershipActive)
		e.mustFireMembership(sc.secretariat, m.ID, "suspend", "New findings.", membership.MembershipSuspended)
		e.mustFireMembership(sc.secretariat, m.ID, "terminate", "Findings confirmed.", membership.MembershipTerminated)
		e.fireMembership(sc.secretariat, m.ID, "reinstate", "Oops.").problem(t, http.StatusConflict)

		// A terminated organisation may apply again; approval restarts its
		// one membership record.
		restarted := e.member(sc)
		if restarted.ID != m.ID || restarted.State != membership.MembershipActive {
			t.Fatalf("after re-approval: %s %s, want %s active", restarted.ID, restarted.State, m.ID)
		}
		e.mustFireMembership(sc.applicant, m.ID, "resign", "", membership.MembershipResigned)

		var h struct{ Items []workflow.HistoryEntry }
		e.do("GET", "/memberships/"+m.ID+"/history", sc.applicant, nil).want(t, http.StatusOK).decode(t, &h)
		// The member's timeline starts with the approval that made it a
		// member, and shows the restart.
		want := []string{"membership_started", "reconfirm", "lapse", "reconfirm", "suspend", "reinstate", "suspend", "terminate",
			"membership_restarted", "resign"}
		if got := events(h.Items); !slices.Equal(got, want) {
			t.Fatalf("member's history %v, want %v", got, want)
		}
		e.do("GET", "/memberships/"+m.ID+"/history", sc.secretariat, nil).want(t, http.StatusOK).decode(t, &h)
		if got := events(h.Items); got[0] != "membership_started" || !slices.Contains(got, "membership_restarted") {
			t.Fatalf("secretariat's history %v", got)
		}
		if n := len(e.messages(sc.applicant.ID)); n < 8 {
			t.Fatalf("%d messages to the member", n)
		}
	})
}

// TestMembershipRequiresDeclarations: reconfirming is reconfirming the
// declarations; a profile that withdrew one cannot.
func TestMembershipRequiresDeclarations(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("en")
		m := e.member(sc)
		e.clock.Advance(m.RenewalDue.Sub(e.clock.Now()))
		var o membership.OrganizationView
		e.do("GET", "/organizations/"+sc.org.ID, sc.applicant, nil).want(t, http.StatusOK).decode(t, &o)
		e.do("PATCH", "/organizations/"+sc.org.ID, sc.applicant, map[string]any{"version": o.Version, "declarations": map[string]bool{
			"non_profit": true, "independent_of_government": false, "not_political_party": true, "adheres_to_values": true,
		}}).want(t, http.StatusOK)
		p := e.fireMembership(sc.applicant, m.ID, "reconfirm", "").problem(t, http.StatusUnprocessableEntity)
		if !hasField(p, "organization.declarations.independent_of_government") {
			t.Fatalf("reconfirmation without a declaration: %+v", p)
		}
	})
}
