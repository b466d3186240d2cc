package accreditation_test

import (
	"io"
	"log/slog"
	"net/http"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/testenv"
	"github.com/accord-coalition/accord/internal/workflow"
)

// TestConferenceReadsAreThePublicScope: the conference reads the web pages
// and the API use are service methods that ask the Authorizer. Its public
// scope serves them to the anonymous actor — the list, one conference, the
// organisations accredited to it and nobody else — and a policy that
// closes the scope closes every one of them: no read goes around it.
func TestConferenceReadsAreThePublicScope(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		ctx := t.Context()
		sec := e.secretariat()
		conf := e.conference(sec, "PUBLIC1", 3)
		admitted := e.ngo("Admitted Society", "EG", "MENA", "special")
		pending := e.ngo("Pending Society", "KE", "AFR", "none")
		r := e.submitted(admitted, conf.str("id"))
		e.fire(sec, "/accreditation-requests/"+r.str("id"), "admit_ecosoc", "", http.StatusOK)
		e.submitted(pending, conf.str("id"))

		public := accord.Actor{}
		list, _, err := e.svc.ListConferences(ctx, public, 0, "")
		if err != nil || len(list) != 1 || list[0].Code != "PUBLIC1" {
			t.Fatalf("the public's list: %+v, %v", list, err)
		}
		got, err := e.svc.GetConference(ctx, public, "PUBLIC1")
		if err != nil || got.ID != conf.str("id") {
			t.Fatalf("the public reading the conference by code: %+v, %v", got, err)
		}
		accredited, err := e.svc.AccreditedOrganizations(ctx, public, []string{got.ID})
		if err != nil {
			t.Fatal(err)
		}
		if orgs := accredited[got.ID]; len(orgs) != 1 || orgs[0].NameEN != "Admitted Society" {
			t.Fatalf("the public sees as accredited %+v; want the admitted organisation only", orgs)
		}
		if _, err := e.svc.GetConference(ctx, public, "NO-SUCH"); accord.KindOf(err) != accord.KindNotFound {
			t.Fatalf("an unknown conference: %v, want not found", err)
		}

		// The same methods on a service whose Authorizer keeps conferences
		// private refuse the public.
		authz := auth.NewAuthorizer(slog.New(slog.NewTextHandler(io.Discard, nil)))
		closed, err := accreditation.NewService(e.DB, workflow.New(e.DB), authz,
			accreditation.Config{SecretKey: []byte(testenv.SecretKey), Now: e.Clock.Now}, nil)
		if err != nil {
			t.Fatal(err)
		}
		authz.Register(accreditation.KindConference, func(accord.Actor, auth.Action, any) auth.Decision { return auth.Hide })
		if _, _, err := closed.ListConferences(ctx, public, 0, ""); accord.KindOf(err) != accord.KindNotFound {
			t.Errorf("ListConferences with the scope closed: %v, want not found", err)
		}
		if _, err := closed.GetConference(ctx, public, "PUBLIC1"); accord.KindOf(err) != accord.KindNotFound {
			t.Errorf("GetConference with the scope closed: %v, want not found", err)
		}
		if _, err := closed.AccreditedOrganizations(ctx, public, []string{got.ID}); accord.KindOf(err) != accord.KindNotFound {
			t.Errorf("AccreditedOrganizations with the scope closed: %v, want not found", err)
		}
	})
}

// TestConferencePolicyPublicScope: reading a conference is the public
// scope, allowed to every actor; changing one is the secretariat's alone.
func TestConferencePolicyPublicScope(t *testing.T) {
	conf := &accreditation.Conference{ID: "c1"}
	for _, tc := range []struct {
		name   string
		actor  accord.Actor
		action auth.Action
		want   auth.Decision
	}{
		{"public reads", accord.Actor{}, auth.ActionReadPublic, auth.Allow},
		{"applicant reads", accord.Actor{UserID: "u", Role: accord.RoleApplicant}, auth.ActionReadPublic, auth.Allow},
		{"secretariat reads", accord.Actor{UserID: "u", Role: accord.RoleSecretariat}, auth.ActionReadPublic, auth.Allow},
		{"public may not create", accord.Actor{}, auth.ActionCreate, auth.Deny},
		{"public may not update", accord.Actor{}, auth.ActionUpdate, auth.Deny},
		{"state party may not update", accord.Actor{UserID: "u", Role: accord.RoleStateParty, Country: "EG"}, auth.ActionUpdate, auth.Deny},
		{"secretariat updates", accord.Actor{UserID: "u", Role: accord.RoleSecretariat}, auth.ActionUpdate, auth.Allow},
	} {
		if got := accreditation.ConferencePolicy(tc.actor, tc.action, conf); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}
