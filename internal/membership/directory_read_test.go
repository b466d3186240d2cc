package membership_test

import (
	"io"
	"log/slog"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/workflow"
)

// TestDirectoryIsThePublicScope: the directory is a service method that
// asks the Authorizer. Its public scope serves the anonymous actor an
// active member's entry, while the same organisation's profile, with its
// contacts, stays hidden from it; and a policy that closes the scope
// closes the directory: the read does not go around it.
func TestDirectoryIsThePublicScope(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		ctx := t.Context()
		sc := e.newScenario("ar")
		e.member(sc)
		e.newScenario("en") // an organisation that is not a member

		public := accord.Actor{}
		entries, _, err := e.App.Membership.Directory(ctx, public, membership.DirectoryFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 1 || entries[0].OrganizationID != sc.org.ID {
			t.Fatalf("the public's directory: %+v; want the one active member", entries)
		}
		if _, err := e.App.Membership.GetOrganization(ctx, public, sc.org.ID); accord.KindOf(err) != accord.KindUnauthenticated {
			t.Fatalf("the public reading the member's profile: %v, want a refusal to sign in first", err)
		}

		var profile membership.Organization
		if err := e.db.WithContext(ctx).Where("id = ?", sc.org.ID).Take(&profile).Error; err != nil {
			t.Fatal(err)
		}
		staff := accord.Actor{UserID: "s", Role: accord.RoleSecretariat}
		for _, tc := range []struct {
			name   string
			actor  accord.Actor
			action auth.Action
			obj    any
			want   auth.Decision
		}{
			{"public lists the directory", public, auth.ActionReadPublic, nil, auth.Allow},
			{"public reads an entry", public, auth.ActionReadPublic, &entries[0], auth.Allow},
			{"the profile is not in the public scope", public, auth.ActionReadPublic, &profile, auth.Hide},
			{"nor for staff", staff, auth.ActionReadPublic, &profile, auth.Hide},
			{"public may not read the profile", public, auth.ActionRead, &profile, auth.Hide},
			{"staff read the profile", staff, auth.ActionRead, &profile, auth.Allow},
		} {
			if got := membership.OrganizationPolicy(tc.actor, tc.action, tc.obj); got != tc.want {
				t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
			}
		}

		authz := auth.NewAuthorizer(slog.New(slog.NewTextHandler(io.Discard, nil)))
		closed := membership.NewService(e.db, workflow.New(e.db), authz, membership.Config{Now: e.clock.Now})
		authz.Register(membership.KindOrganization, func(accord.Actor, auth.Action, any) auth.Decision { return auth.Deny })
		if _, _, err := closed.Directory(ctx, public, membership.DirectoryFilter{}); accord.KindOf(err) != accord.KindForbidden {
			t.Fatalf("the directory with the scope closed: %v, want forbidden", err)
		}
	})
}
