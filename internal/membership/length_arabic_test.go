package membership_test

import (
	"net/http"
	"testing"

	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/testenv"
)

// TestLimitsCountCharacters: every membership limit stated in characters
// counts characters, not bytes. Arabic text over half of the limit — over
// the limit in bytes — is accepted; one character over the limit is
// refused with a field error.
func TestLimitsCountCharacters(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("ar")

		// Organisation fields: 300 characters; each area: 100.
		other := e.applicant("ar")
		over := profile(testenv.Arabic(301), "Too Long Society", "EG")
		if p := e.do("POST", "/organizations", other, over).problem(t, http.StatusUnprocessableEntity); !hasField(p, "name") {
			t.Fatalf("a 301-character name: %+v", p)
		}
		over = profile("جمعية المجالات", "Areas Society", "EG")
		over["areas"] = []string{testenv.Arabic(101)}
		if p := e.do("POST", "/organizations", other, over).problem(t, http.StatusUnprocessableEntity); !hasField(p, "areas") {
			t.Fatalf("a 101-character area: %+v", p)
		}
		long := profile(testenv.Arabic(250), "Long Name Society", "EG")
		long["areas"] = []string{testenv.Arabic(80)}
		e.organization(other, long)

		// Application motivation: 10,000 characters, on creation and on
		// change.
		p := e.do("POST", "/membership-applications", sc.applicant, map[string]string{
			"organization_id": sc.org.ID, "motivation": testenv.Arabic(10001),
		}).problem(t, http.StatusUnprocessableEntity)
		if !hasField(p, "motivation") {
			t.Fatalf("a 10,001-character motivation: %+v", p)
		}
		var a application
		e.do("POST", "/membership-applications", sc.applicant, map[string]string{
			"organization_id": sc.org.ID, "motivation": testenv.Arabic(6000),
		}).want(t, http.StatusCreated).decode(t, &a)
		if got := len([]rune(a.Motivation)); got != 6000 {
			t.Fatalf("the motivation kept %d characters, want 6000", got)
		}
		e.do("PATCH", "/membership-applications/"+a.ID, sc.applicant, map[string]any{
			"version": a.Version, "motivation": testenv.Arabic(6001),
		}).want(t, http.StatusOK)
		p = e.do("PATCH", "/membership-applications/"+a.ID, sc.applicant, map[string]any{
			"version": a.Version + 1, "motivation": testenv.Arabic(10001),
		}).problem(t, http.StatusUnprocessableEntity)
		if !hasField(p, "motivation") {
			t.Fatalf("a 10,001-character motivation on change: %+v", p)
		}

		// A transition's comment: 10,000 characters.
		e.attachRequired(sc.applicant, a.ID)
		if p := e.fire(sc.applicant, a.ID, "submit", testenv.Arabic(10001)).problem(t, http.StatusUnprocessableEntity); !hasField(p, "comment") {
			t.Fatalf("a 10,001-character comment: %+v", p)
		}
		e.mustFire(sc.applicant, a.ID, "submit", testenv.Arabic(6000), membership.AppSubmitted)

		// A reviewer's note: 10,000 characters.
		e.mustFire(sc.coordinator, a.ID, "claim", "", membership.AppUnderReview)
		notes := "/membership-applications/" + a.ID + "/notes"
		if p := e.do("POST", notes, sc.coordinator, map[string]string{"text": testenv.Arabic(10001)}).problem(t, http.StatusUnprocessableEntity); !hasField(p, "text") {
			t.Fatalf("a 10,001-character note: %+v", p)
		}
		if r := e.do("POST", notes, sc.coordinator, map[string]string{"text": testenv.Arabic(6000)}); r.Status >= 300 {
			t.Fatalf("a 6,000-character note: %d %s", r.Status, r.Body)
		}
	})
}
