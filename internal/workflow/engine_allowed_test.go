package workflow_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

func TestAllowedPerRoleAndState(t *testing.T) {
	cases := []struct {
		state string
		name  string
		actor accord.Actor
		want  []string
	}{
		{"draft", "w", applicant, []string{"submit", "withdraw"}},
		{"draft", "", applicant, []string{"withdraw"}}, // the guard fails
		{"draft", "w", secretariat, nil},
		{"draft", "w", public, nil},
		{"submitted", "w", applicant, []string{"withdraw"}},
		{"submitted", "w", coordinatorAF, []string{"claim"}},
		{"submitted", "w", coordinatorAS, nil}, // Authorize refuses another region
		{"submitted", "w", secretariat, []string{"claim"}},
		{"submitted", "w", stateParty, nil},
		{"review", "w", secretariat, []string{"approve", "reject", "note", "request_info"}},
		{"review", "w", coordinatorAF, []string{"note"}},
		{"review", "w", applicant, nil},
		{"waiting", "w", applicant, []string{"respond"}},
		{"waiting", "w", secretariat, nil}, // expire is the system's alone
		{"waiting", "w", system, []string{"expire"}},
		{"waiting", "stuck", system, nil},
		{"rejected", "w", secretariat, []string{"reopen"}},
		{"approved", "w", secretariat, nil},
	}
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db)
		for _, tc := range cases {
			id := fx.insert(t, widget{State: tc.state, Name: tc.name, Region: "AFR"})
			got := fx.engine.Allowed(context.Background(), db.Gorm, fx.m, tc.actor, fx.load(t, id))
			if got == nil {
				t.Fatalf("%s/%s: nil, want an empty list", tc.state, tc.actor.Role)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
				t.Errorf("%s (name %q) as %s %v: allowed %v, want %v", tc.state, tc.name, tc.actor.Role, tc.actor.Regions, got, tc.want)
			}
		}
	})
}
