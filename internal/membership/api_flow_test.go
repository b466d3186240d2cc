package membership_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
)

// TestApplicationFromRegistrationToApproval is the issue's first "must
// show": register → organisation → application → documents → submit →
// claim → request_info → respond → approve, over the API, with the
// history, the messages and the membership it leaves behind.
func TestApplicationFromRegistrationToApproval(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		applicant := e.applicant("ar")
		coordinator := e.staff(accord.RoleCoordinator, "MENA")
		otherRegion := e.staff(accord.RoleCoordinator, "AFR")

		org := e.organization(applicant, profile("الجمعية المصرية للشفافية", "Egyptian Transparency Association", "EG"))
		if org.Region != "MENA" || org.Version != 1 {
			t.Fatalf("organisation region %q version %d, want MENA 1", org.Region, org.Version)
		}
		var me struct {
			OrganizationID *string `json:"organization_id"`
		}
		e.do("GET", "/me", applicant, nil).want(t, http.StatusOK).decode(t, &me)
		if me.OrganizationID == nil || *me.OrganizationID != org.ID {
			t.Fatalf("the applicant did not join its organisation: %v", me.OrganizationID)
		}

		a := e.draft(applicant, org.ID)
		if a.State != membership.AppDraft || a.Version != 1 || a.Region != "MENA" {
			t.Fatalf("new application: %s v%d %s", a.State, a.Version, a.Region)
		}
		if slices.Contains(a.AllowedEvents, "submit") || !slices.Contains(a.AllowedEvents, "withdraw") {
			t.Fatalf("a draft without documents allows %v", a.AllowedEvents)
		}
		e.attachRequired(applicant, a.ID)
		a = e.getApplication(applicant, a.ID)
		if len(a.Documents) != 3 || !slices.Contains(a.AllowedEvents, "submit") {
			t.Fatalf("with documents: %d documents, allowed %v", len(a.Documents), a.AllowedEvents)
		}

		a = e.mustFire(applicant, a.ID, "submit", "", membership.AppSubmitted)
		if a.SubmittedAt == nil {
			t.Fatal("submitted_at not set")
		}
		e.do("GET", "/membership-applications/"+a.ID, otherRegion, nil).want(t, http.StatusNotFound)
		a = e.getApplication(coordinator, a.ID)
		if !slices.Equal(a.AllowedEvents, []string{"claim", "recuse"}) {
			t.Fatalf("coordinator may %v on a submitted application", a.AllowedEvents)
		}
		a = e.mustFire(coordinator, a.ID, "claim", "", membership.AppUnderReview)
		if a.ReviewerID == nil || *a.ReviewerID != coordinator.ID {
			t.Fatalf("reviewer %v, want the claimant", a.ReviewerID)
		}
		a = e.mustFire(coordinator, a.ID, "request_info", "Please send the 2024 activity report.", membership.AppInfoRequested)
		if a.ResponseDeadline == nil || a.ResponseDeadline.Sub(e.clock.Now()) != membership.DefaultResponsePeriod {
			t.Fatalf("response deadline %v, want now + 30 days", a.ResponseDeadline)
		}
		e.upload(applicant, a.ID, "report", "report-2024.pdf", pdfFile).want(t, http.StatusCreated)
		a = e.mustFire(applicant, a.ID, "respond", "The 2024 report is attached.", membership.AppUnderReview)
		if a.ResponseDeadline != nil {
			t.Fatalf("response deadline %v after the answer", a.ResponseDeadline)
		}
		a = e.mustFire(coordinator, a.ID, "approve", "", membership.AppApproved)
		if a.DecidedAt == nil || len(a.AllowedEvents) != 0 {
			t.Fatalf("approved: decided_at %v, allowed %v", a.DecidedAt, a.AllowedEvents)
		}

		staffView := e.history(coordinator, a.ID)
		if got, want := transitionsOf(staffView), []string{"submit", "claim", "request_info", "respond", "approve"}; !slices.Equal(got, want) {
			t.Fatalf("staff history %v: transitions %v, want %v once each in order", events(staffView), got, want)
		}
		if got, want := events(e.history(applicant, a.ID)), []string{"submit", "request_info", "respond", "approve"}; !slices.Equal(got, want) {
			t.Fatalf("applicant history %v, want %v", got, want)
		}

		var ms struct{ Items []membership.MembershipView }
		e.do("GET", "/memberships", applicant, nil).want(t, http.StatusOK).decode(t, &ms)
		if len(ms.Items) != 1 || ms.Items[0].State != membership.MembershipActive || ms.Items[0].OrganizationID != org.ID {
			t.Fatalf("memberships after approval: %+v", ms.Items)
		}
		var dir struct{ Items []membership.DirectoryEntry }
		e.do("GET", "/directory?q=الجمعيه", nil, nil).want(t, http.StatusOK).decode(t, &dir)
		if len(dir.Items) != 1 || dir.Items[0].OrganizationID != org.ID {
			t.Fatalf("public directory search by a spelling variant: %+v", dir.Items)
		}

		// The applicant was told of every public event in Arabic; the
		// coordinator of the region of the submission.
		var subjects []string
		for _, m := range e.messages(applicant.ID) {
			if m.Locale != "ar" || m.Template != "application_update" {
				t.Fatalf("applicant message %s in %s", m.Template, m.Locale)
			}
			subjects = append(subjects, m.Subject)
		}
		if len(subjects) != 4 || !strings.Contains(subjects[1], "معلومات") || !strings.Contains(subjects[3], "مرحبًا") {
			t.Fatalf("applicant messages: %q", subjects)
		}
		if !strings.Contains(e.messages(applicant.ID)[1].Body, "Please send the 2024 activity report.") {
			t.Fatal("the request for information does not carry the reviewer's question")
		}
		cm := e.messages(coordinator.ID)
		if len(cm) != 2 || cm[0].Template != "application_attention" || !strings.Contains(cm[0].Subject, "Middle East and North Africa") ||
			!strings.Contains(cm[1].Body, "The 2024 report is attached.") {
			t.Fatalf("coordinator messages: %+v", cm)
		}
		if n := len(e.messages(otherRegion.ID)); n != 0 {
			t.Fatalf("a coordinator of another region got %d messages", n)
		}
	})
}

// TestRejectionAppealUphold: rejection → appeal → uphold ends in
// rejected_final, with no second appeal; the appeal is the secretariat's
// and never the original reviewer's.
func TestRejectionAppealUphold(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("fr")
		a := e.underReview(sc)
		e.fire(sc.coordinator, a.ID, "reject", "   ").problem(t, http.StatusUnprocessableEntity)
		a = e.mustFire(sc.coordinator, a.ID, "reject", "The statutes allow distributing profits.", membership.AppRejected)
		if a.AppealDeadline == nil || a.AppealDeadline.Sub(e.clock.Now()) != membership.DefaultAppealPeriod {
			t.Fatalf("appeal deadline %v", a.AppealDeadline)
		}
		e.fire(sc.applicant, a.ID, "appeal", "").problem(t, http.StatusUnprocessableEntity)
		a = e.mustFire(sc.applicant, a.ID, "appeal", "The 2019 amendment forbids it; see article 4.", membership.AppAppealed)
		e.fire(sc.coordinator, a.ID, "uphold", "no").problem(t, http.StatusForbidden)
		a = e.mustFire(sc.secretariat, a.ID, "uphold", "Article 4 still allows it.", membership.AppRejectedFinal)
		if len(a.AllowedEvents) != 0 {
			t.Fatalf("rejected_final allows %v", a.AllowedEvents)
		}
		e.fire(sc.applicant, a.ID, "appeal", "Once more.").problem(t, http.StatusConflict)
		if got := events(e.history(sc.applicant, a.ID)); !slices.Equal(got, []string{"submit", "reject", "appeal", "uphold"}) {
			t.Fatalf("applicant history %v", got)
		}
		if n := e.count("memberships", "organization_id = ?", sc.org.ID); n != 0 {
			t.Fatalf("%d memberships after a final rejection", n)
		}
		last := e.messages(sc.applicant.ID)
		if m := last[len(last)-1]; m.Locale != "fr" || !strings.Contains(m.Body, "Article 4 still allows it.") || !strings.Contains(m.Body, "définitive") {
			t.Fatalf("last message to the applicant: %s\n%s", m.Subject, m.Body)
		}
	})
}
