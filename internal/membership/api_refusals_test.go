package membership_test

import (
	"bytes"
	"net/http"
	"sync"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
)

// TestMustShowRefusals holds the list of refusals over the API.
func TestMustShowRefusals(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("en")
		a := e.underReview(sc)
		otherCoordinator := e.staff(accord.RoleCoordinator, "AFR", "ECA")
		otherApplicant := e.applicant("es")
		e.organization(otherApplicant, profile("Transparencia Ciudadana", "Citizen Transparency", "CO"))

		t.Run("another region's coordinator and another applicant get 404", func(t *testing.T) {
			for _, u := range []*user{otherCoordinator, otherApplicant} {
				e.do("GET", "/membership-applications/"+a.ID, u, nil).problem(t, http.StatusNotFound)
				e.do("GET", "/membership-applications/"+a.ID+"/history", u, nil).problem(t, http.StatusNotFound)
				e.fire(u, a.ID, "approve", "").problem(t, http.StatusNotFound)
				e.do("GET", "/membership-applications/"+a.ID+"/documents/"+a.Documents[0].ID, u, nil).problem(t, http.StatusNotFound)
			}
			// Not found and not visible are one answer: a made-up id says the same.
			made := e.do("GET", "/membership-applications/0f0f0f0f-0000-4000-8000-000000000000", otherApplicant, nil).problem(t, http.StatusNotFound)
			hidden := e.do("GET", "/membership-applications/"+a.ID, otherApplicant, nil).problem(t, http.StatusNotFound)
			if made.Detail != hidden.Detail || made.Title != hidden.Title {
				t.Fatalf("a hidden application answers %q, a missing one %q", hidden.Detail, made.Detail)
			}
		})
		t.Run("an applicant firing approve gets 403", func(t *testing.T) {
			e.fire(sc.applicant, a.ID, "approve", "").problem(t, http.StatusForbidden)
		})
		t.Run("blank reasons are 422", func(t *testing.T) {
			p := e.fire(sc.coordinator, a.ID, "reject", " \n\t ").problem(t, http.StatusUnprocessableEntity)
			if !hasField(p, "comment") {
				t.Fatalf("no field error on comment: %+v", p)
			}
			e.fire(sc.coordinator, a.ID, "request_info", "").problem(t, http.StatusUnprocessableEntity)
		})
		t.Run("a second open application is refused", func(t *testing.T) {
			e.do("POST", "/membership-applications", sc.applicant, map[string]string{
				"organization_id": sc.org.ID, "motivation": "again",
			}).problem(t, http.StatusConflict)
		})
		t.Run("an executable renamed .pdf is 415", func(t *testing.T) {
			d := e.draft(otherApplicant, e.orgOf(otherApplicant))
			e.upload(otherApplicant, d.ID, "statutes", "statutes.pdf", exeFile).problem(t, http.StatusUnsupportedMediaType)
		})
		t.Run("an 11 MB upload is 413", func(t *testing.T) {
			d := e.applicationsOf(otherApplicant)[0]
			big := bytes.Repeat([]byte("x"), 11<<20)
			copy(big, "%PDF-1.7\n")
			e.upload(otherApplicant, d.ID, "report", "report.pdf", big).problem(t, http.StatusRequestEntityTooLarge)
			if n := e.count("application_documents", "application_id = ?", d.ID); n != 0 {
				t.Fatalf("%d documents stored after refusals", n)
			}
		})
		t.Run("a repeated Idempotency-Key replays the first answer", func(t *testing.T) {
			v := e.loadApplication(a.ID).Version
			first := e.fireAt(sc.coordinator, a.ID, "request_info", "Who are your funders?", v, "Idempotency-Key", "ask-funders-1").want(t, http.StatusOK)
			again := e.fireAt(sc.coordinator, a.ID, "request_info", "Who are your funders?", v, "Idempotency-Key", "ask-funders-1")
			// The second request names the version the first one left, so
			// acting again would have failed; the stored answer comes back.
			if again.Status != http.StatusOK || !bytes.Equal(again.Body, first.Body) || again.Header.Get("Idempotent-Replayed") != "true" {
				t.Fatalf("replay: %d %s (replayed %q)", again.Status, again.Body, again.Header.Get("Idempotent-Replayed"))
			}
			if n := e.count("audit_events", "entity_id = ? AND event = ?", a.ID, "request_info"); n != 1 {
				t.Fatalf("request_info recorded %d times", n)
			}
		})
	})
}

// TestSimultaneousApprovals: twelve reviewers' clicks on the same version
// give one 200 and eleven 409, one membership and one audit event.
func TestSimultaneousApprovals(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("en")
		a := e.underReview(sc)
		secretariat := []*user{sc.coordinator}
		for range 11 {
			secretariat = append(secretariat, e.staff(accord.RoleSecretariat))
		}
		statuses := make([]int, len(secretariat))
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i, u := range secretariat {
			wg.Go(func() {
				<-start
				statuses[i] = e.fireAt(u, a.ID, "approve", "", a.Version).Status
			})
		}
		close(start)
		wg.Wait()
		counts := map[int]int{}
		for _, s := range statuses {
			counts[s]++
		}
		if counts[http.StatusOK] != 1 || counts[http.StatusConflict] != 11 {
			t.Fatalf("statuses %v, want one 200 and eleven 409", counts)
		}
		if n := e.count("memberships", "organization_id = ?", sc.org.ID); n != 1 {
			t.Fatalf("%d memberships", n)
		}
		if n := e.count("audit_events", "entity_id = ? AND event = ?", a.ID, "approve"); n != 1 {
			t.Fatalf("%d approve events", n)
		}
		if got := e.loadApplication(a.ID); got.State != membership.AppApproved || got.Version != a.Version+1 {
			t.Fatalf("application %s v%d", got.State, got.Version)
		}
	})
}
