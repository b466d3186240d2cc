package testenv_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/testenv"
)

// TestEnvServesTheApplication: one environment serves the API and the
// pages of the whole application, its people sign in, its organisations
// get their region, and the application reads its clock, on both engines.
func TestEnvServesTheApplication(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		e.Do(nil, "GET", "/healthz", nil).Want(t, http.StatusOK)
		page := e.Browser("ar").Get("/")
		page.WantStatus(t, http.StatusOK)
		page.WantContains(t, `dir="rtl"`)

		sec := e.Staff(accord.RoleSecretariat)
		e.Call(sec, "GET", "/me", nil).Want(t, http.StatusOK)
		testenv.Problem(t, e.Call(nil, "GET", "/me", nil), http.StatusUnauthorized)

		ngo := e.Applicant("fr")
		org := e.Organization(membership.Organization{Name: "Observatoire", NameEN: "Observatory", Country: "SN"})
		e.Attach(ngo, org.ID)
		if ngo.OrgID != org.ID || org.Region != "AFR" {
			t.Fatalf("attached to %q, region %q", ngo.OrgID, org.Region)
		}
		if n := e.Count("organizations", "id = ?", org.ID); n != 1 {
			t.Fatalf("%d organisations", n)
		}
		before := e.Clock.Now()
		e.Clock.Advance(48 * time.Hour)
		if e.App.Now().Sub(before) != 48*time.Hour {
			t.Fatal("the application does not read the environment's clock")
		}
		if n := e.Tick(); n != 0 {
			t.Fatalf("%d transitions fired with nothing due", n)
		}
	})
}
