package membership_test

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
)

// TestSubmitGuard: submitting needs a motivation, a complete profile with
// every declaration, the three required documents; every shortcoming is
// listed at once, and nothing moves until all are met.
func TestSubmitGuard(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		applicant := e.applicant("en")
		coordinator := e.staff(accord.RoleCoordinator, "MENA")
		sparse := map[string]any{"name": "جمعية النزاهة", "country": "JO"}
		org := e.organization(applicant, sparse)
		if org.Region != "MENA" {
			t.Fatalf("region %q", org.Region)
		}
		var a application
		e.do("POST", "/membership-applications", applicant, map[string]string{"organization_id": org.ID}).
			want(t, http.StatusCreated).decode(t, &a)
		e.upload(applicant, a.ID, "statutes", "statutes.pdf", pdfFile).want(t, http.StatusCreated)

		p := e.fire(applicant, a.ID, "submit", "").problem(t, http.StatusUnprocessableEntity)
		for _, f := range []string{"motivation", "organization.name_en", "organization.city", "organization.year_founded",
			"organization.areas", "organization.uncac_chapters", "organization.declarations.non_profit",
			"documents.registration", "documents.report"} {
			if !hasField(p, f) {
				t.Errorf("no field error on %s: %+v", f, p.Errors)
			}
		}
		if hasField(p, "documents.statutes") || hasField(p, "organization.name") {
			t.Errorf("errors on what is there: %+v", p.Errors)
		}

		full := profile("جمعية النزاهة", "Integrity Society", "JO")
		full["version"] = org.Version
		delete(full, "declarations")
		e.do("PATCH", "/organizations/"+org.ID, applicant, full).want(t, http.StatusOK)
		e.do("PATCH", "/membership-applications/"+a.ID, applicant, map[string]any{"version": a.Version, "motivation": "Open contracting."}).
			want(t, http.StatusOK)
		e.attachRequired(applicant, a.ID)
		p = e.fire(applicant, a.ID, "submit", "").problem(t, http.StatusUnprocessableEntity)
		if len(p.Errors) != 4 || !hasField(p, "organization.declarations.adheres_to_values") {
			t.Fatalf("with only the declarations missing: %+v", p.Errors)
		}
		if got := e.loadApplication(a.ID); got.State != membership.AppDraft {
			t.Fatalf("a refused submit moved the application to %s", got.State)
		}
		if n := len(e.messages(coordinator.ID)); n != 0 {
			t.Fatalf("%d messages to the coordinator before a submission", n)
		}

		var o membership.OrganizationView
		e.do("GET", "/organizations/"+org.ID, applicant, nil).want(t, http.StatusOK).decode(t, &o)
		e.do("PATCH", "/organizations/"+org.ID, applicant, map[string]any{"version": o.Version, "declarations": map[string]bool{
			"non_profit": true, "independent_of_government": true, "not_political_party": true, "adheres_to_values": true,
		}}).want(t, http.StatusOK)
		e.mustFire(applicant, a.ID, "submit", "", membership.AppSubmitted)
		if n := len(e.messages(coordinator.ID)); n != 1 {
			t.Fatalf("%d messages to the coordinator after a submission", n)
		}
		// Once submitted, what was sent is fixed.
		e.upload(applicant, a.ID, "other", "late.pdf", pdfFile).problem(t, http.StatusConflict)
		e.do("PATCH", "/membership-applications/"+a.ID, applicant, map[string]any{"version": 3, "motivation": "changed"}).
			problem(t, http.StatusConflict)
	})
}

// TestClaimRecuseAndReviewerRules covers claim, recuse and the reviewer's
// events: a recusal bars that coordinator from the organisation for good,
// only the reviewer or the secretariat decides, and a coordinator who is
// not the reviewer may not take the application from the reviewer.
func TestClaimRecuseAndReviewerRules(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("en")
		colleague := e.staff(accord.RoleCoordinator, "MENA", "AFR")
		a := e.underReview(sc)

		// Only the reviewer recuses from an application under review.
		e.fire(colleague, a.ID, "recuse", "I know them.").problem(t, http.StatusForbidden)
		e.fire(colleague, a.ID, "request_info", "Who funds you?").problem(t, http.StatusForbidden)
		e.fire(colleague, a.ID, "approve", "").problem(t, http.StatusForbidden)
		if got := e.getApplication(colleague, a.ID).AllowedEvents; len(got) != 0 {
			t.Fatalf("a coordinator who is not the reviewer may %v", got)
		}
		if got := e.getApplication(sc.coordinator, a.ID).AllowedEvents; !slices.Equal(got, []string{"recuse", "request_info", "approve", "reject"}) {
			t.Fatalf("the reviewer may %v", got)
		}
		e.fire(sc.coordinator, a.ID, "recuse", "").problem(t, http.StatusUnprocessableEntity)
		a = e.mustFire(sc.coordinator, a.ID, "recuse", "My sister chairs its board.", membership.AppSubmitted)
		if a.ReviewerID != nil {
			t.Fatalf("reviewer %v after the recusal", *a.ReviewerID)
		}
		if n := e.count("coordinator_recusals", "organization_id = ? AND user_id = ?", sc.org.ID, sc.coordinator.ID); n != 1 {
			t.Fatalf("%d recusal rows", n)
		}
		e.fire(sc.coordinator, a.ID, "claim", "").problem(t, http.StatusForbidden)
		if got := e.getApplication(sc.coordinator, a.ID).AllowedEvents; len(got) != 0 {
			t.Fatalf("a recused coordinator is offered %v", got)
		}
		// The applicant never learns of the recusal or the claim.
		for _, h := range e.history(sc.applicant, a.ID) {
			if h.Event == "recuse" || h.Event == "claim" || h.Comment == "My sister chairs its board." {
				t.Fatalf("the applicant sees %+v", h)
			}
		}

		// A colleague of the region recuses from a submitted application
		// without claiming it: barred as well.
		third := e.staff(accord.RoleCoordinator, "MENA")
		a = e.mustFire(third, a.ID, "recuse", "I audited them last year.", membership.AppSubmitted)
		e.fire(third, a.ID, "claim", "").problem(t, http.StatusForbidden)

		a = e.mustFire(colleague, a.ID, "claim", "", membership.AppUnderReview)
		if a.ReviewerID == nil || *a.ReviewerID != colleague.ID {
			t.Fatalf("reviewer %v, want the colleague", a.ReviewerID)
		}
		// The bar is for good, on later applications of the organisation too.
		a = e.mustFire(sc.applicant, a.ID, "withdraw", "", membership.AppWithdrawn)
		again := e.submitted(sc)
		e.fire(sc.coordinator, again.ID, "claim", "").problem(t, http.StatusForbidden)
		e.fire(sc.coordinator, again.ID, "recuse", "Still my sister.").problem(t, http.StatusForbidden)
		// The secretariat may claim too, and then decides as the reviewer.
		again = e.mustFire(sc.secretariat, again.ID, "claim", "", membership.AppUnderReview)
		if again.ReviewerID == nil || *again.ReviewerID != sc.secretariat.ID {
			t.Fatalf("reviewer %v, want the secretariat", again.ReviewerID)
		}
		e.mustFire(sc.secretariat, again.ID, "approve", "Welcome.", membership.AppApproved)
	})
}

// TestWithdraw: the applicant withdraws from draft, submitted,
// under_review and info_requested, and from nothing else; a withdrawn
// application no longer blocks a new one.
func TestWithdraw(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("es")
		steps := []func() application{
			func() application { return e.draft(sc.applicant, sc.org.ID) },
			func() application { return e.submitted(sc) },
			func() application { return e.underReview(sc) },
			func() application {
				a := e.underReview(sc)
				return e.mustFire(sc.coordinator, a.ID, "request_info", "More, please.", membership.AppInfoRequested)
			},
		}
		for i, step := range steps {
			a := step()
			// A draft is hidden from staff: not found rather than forbidden.
			want := http.StatusForbidden
			if i == 0 {
				want = http.StatusNotFound
			}
			e.fire(sc.coordinator, a.ID, "withdraw", "").problem(t, want)
			e.mustFire(sc.applicant, a.ID, "withdraw", "", membership.AppWithdrawn)
			e.fire(sc.applicant, a.ID, "withdraw", "").problem(t, http.StatusConflict)
		}
		a := e.underReview(sc)
		a = e.mustFire(sc.coordinator, a.ID, "approve", "", membership.AppApproved)
		e.fire(sc.applicant, a.ID, "withdraw", "").problem(t, http.StatusConflict)
		// A member does not apply again.
		e.do("POST", "/membership-applications", sc.applicant, map[string]string{"organization_id": sc.org.ID}).
			problem(t, http.StatusConflict)
	})
}

// TestStaleVersionAndUnknownEvent: the version the client read decides;
// an unknown event and a missing version are client errors.
func TestStaleVersionAndUnknownEvent(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("en")
		a := e.submitted(sc)
		e.fireAt(sc.coordinator, a.ID, "claim", "", a.Version-1).problem(t, http.StatusConflict)
		p := e.fireAt(sc.coordinator, a.ID, "explode", "", a.Version).problem(t, http.StatusUnprocessableEntity)
		if !hasField(p, "event") {
			t.Fatalf("unknown event: %+v", p)
		}
		p = e.do("POST", "/membership-applications/"+a.ID+"/transitions", sc.coordinator, map[string]any{"event": "claim"}).
			problem(t, http.StatusUnprocessableEntity)
		if !hasField(p, "version") {
			t.Fatalf("missing version: %+v", p)
		}
		e.do("POST", "/membership-applications/"+a.ID+"/transitions", sc.coordinator, map[string]any{
			"event": "claim", "version": a.Version, "reviewer_id": sc.coordinator.ID,
		}).problem(t, http.StatusBadRequest)
		e.fireAt(sc.coordinator, a.ID, "claim", "", a.Version).want(t, http.StatusOK)
	})
}

// TestDeadlines: the engine expires an application whose response
// deadline passed, tells the applicant, and refuses an appeal after the
// appeal deadline; another open application blocks an appeal.
func TestDeadlines(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		ctx := t.Context()
		sc := e.newScenario("ar")
		a := e.underReview(sc)
		a = e.mustFire(sc.coordinator, a.ID, "request_info", "Send the statutes as amended.", membership.AppInfoRequested)
		e.clock.Advance(membership.DefaultResponsePeriod - time.Minute)
		if n, err := e.engine.Tick(ctx); err != nil || n != 0 {
			t.Fatalf("tick before the deadline fired %d (%v)", n, err)
		}
		e.clock.Advance(time.Minute)
		if n, err := e.engine.Tick(ctx); err != nil || n != 1 {
			t.Fatalf("tick at the deadline fired %d (%v)", n, err)
		}
		a = e.getApplication(sc.applicant, a.ID)
		if a.State != membership.AppExpired || len(a.AllowedEvents) != 0 {
			t.Fatalf("after the deadline: %s, allowed %v", a.State, a.AllowedEvents)
		}
		h := e.history(sc.applicant, a.ID)
		if last := h[len(h)-1]; last.Event != "expire" || last.ActorRole != string(accord.RoleSystem) {
			t.Fatalf("last event %+v", last)
		}
		ms := e.messages(sc.applicant.ID)
		if last := ms[len(ms)-1]; last.Locale != "ar" || last.Template != "application_update" || last.Subject == "" {
			t.Fatalf("expiry message %+v", last)
		}
		e.fire(sc.applicant, a.ID, "respond", "Too late?").problem(t, http.StatusConflict)

		// The appeal deadline.
		b := e.underReview(sc)
		b = e.mustFire(sc.coordinator, b.ID, "reject", "Not independent of government.", membership.AppRejected)
		e.clock.Advance(membership.DefaultAppealPeriod)
		p := e.fire(sc.applicant, b.ID, "appeal", "We are independent.").problem(t, http.StatusUnprocessableEntity)
		if !hasField(p, "appeal_deadline") {
			t.Fatalf("late appeal: %+v", p)
		}
		if slices.Contains(e.getApplication(sc.applicant, b.ID).AllowedEvents, "appeal") {
			t.Fatal("appeal offered after the deadline")
		}

		// A rejected application may be appealed only while the
		// organisation has no other open application.
		c := e.underReview(sc)
		c = e.mustFire(sc.coordinator, c.ID, "reject", "Incomplete report.", membership.AppRejected)
		d := e.draft(sc.applicant, sc.org.ID)
		e.fire(sc.applicant, c.ID, "appeal", "It was complete.").problem(t, http.StatusUnprocessableEntity)
		e.mustFire(sc.applicant, d.ID, "withdraw", "", membership.AppWithdrawn)
		e.mustFire(sc.applicant, c.ID, "appeal", "It was complete.", membership.AppAppealed)
		// The secretariat overturns: a membership begins.
		c = e.mustFire(sc.secretariat, c.ID, "overturn", "The report was complete.", membership.AppApproved)
		if n := e.count("memberships", "organization_id = ? AND state = ?", sc.org.ID, membership.MembershipActive); n != 1 {
			t.Fatalf("%d active memberships after overturn", n)
		}
	})
}

// TestOriginalReviewerNeverDecidesTheAppeal: a secretariat member who
// reviewed and rejected may not overturn or uphold; another may.
func TestOriginalReviewerNeverDecidesTheAppeal(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("en")
		a := e.submitted(sc)
		e.mustFire(sc.secretariat, a.ID, "claim", "", membership.AppUnderReview)
		e.mustFire(sc.secretariat, a.ID, "reject", "Political party.", membership.AppRejected)
		e.mustFire(sc.applicant, a.ID, "appeal", "We are not.", membership.AppAppealed)
		e.fire(sc.secretariat, a.ID, "overturn", "I was wrong.").problem(t, http.StatusForbidden)
		e.fire(sc.secretariat, a.ID, "uphold", "I was right.").problem(t, http.StatusForbidden)
		if got := e.getApplication(sc.secretariat, a.ID).AllowedEvents; len(got) != 0 {
			t.Fatalf("the original reviewer is offered %v", got)
		}
		other := e.staff(accord.RoleSecretariat)
		if got := e.getApplication(other, a.ID).AllowedEvents; !slices.Equal(got, []string{"overturn", "uphold"}) {
			t.Fatalf("another secretariat member is offered %v", got)
		}
		e.fire(other, a.ID, "overturn", "").problem(t, http.StatusUnprocessableEntity)
		e.mustFire(other, a.ID, "overturn", "Registered as an association, not a party.", membership.AppApproved)
	})
}
