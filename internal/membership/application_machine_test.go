package membership

import (
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/workflow"
)

// TestServiceMachinesAreTheTables: the machines the service registers,
// and the engine fires, are the tables `accord workflows` draws, row for
// row, with rules attached where docs/domain.md names one.
func TestServiceMachinesAreTheTables(t *testing.T) {
	db := storetest.SQLite(t)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	engine := workflow.New(db)
	s := NewService(db, engine, auth.NewAuthorizer(logger), Config{Logger: logger})
	if err := engine.Register(s.Machines()...); err != nil {
		t.Fatal(err)
	}

	for i, table := range []*workflow.Machine{ApplicationMachine(), MembershipMachine()} {
		m := s.Machines()[i]
		if engine.Machine(m.Name) != m {
			t.Fatalf("%s: the engine fires another machine than the service's", m.Name)
		}
		if len(m.Transitions) != len(table.Transitions) || !slices.Equal(m.Deadlines[0].From, table.Deadlines[0].From) {
			t.Fatalf("%s: %d transitions, the table has %d", m.Name, len(m.Transitions), len(table.Transitions))
		}
		for j, tr := range m.Transitions {
			want := table.Transitions[j]
			if tr.Event != want.Event || !slices.Equal(tr.From, want.From) || tr.To != want.To ||
				!slices.Equal(tr.Roles, want.Roles) || tr.CommentRequired != want.CommentRequired || tr.Internal != want.Internal {
				t.Errorf("%s: row %d is %+v, the table says %+v", m.Name, j, tr, want)
			}
		}
	}

	// Who may fire is checked beyond the role wherever docs/domain.md names a
	// relationship: the applicant's own organisation, the region, the
	// reviewer, not the original reviewer.
	byPerson := map[string]bool{"submit": true, "claim": true, "recuse": true, "request_info": true, "respond": true,
		"approve": true, "reject": true, "appeal": true, "overturn": true, "uphold": true, "withdraw": true}
	guarded := map[string]bool{"submit": true, "approve": true, "appeal": true, "overturn": true}
	for _, tr := range s.applications.Transitions {
		r := s.applications.Rules[tr.Event]
		if (r.Authorize != nil) != byPerson[tr.Event] {
			t.Errorf("application %s: Authorize set %v", tr.Event, r.Authorize != nil)
		}
		if (r.Guard != nil) != guarded[tr.Event] {
			t.Errorf("application %s: Guard set %v", tr.Event, r.Guard != nil)
		}
		if r.Effect == nil {
			t.Errorf("application %s: no effect", tr.Event)
		}
	}
	for _, tr := range s.memberships.Transitions {
		if s.memberships.Rules[tr.Event].Effect == nil {
			t.Errorf("membership %s: no effect (the member is told of every change)", tr.Event)
		}
	}
}

func TestWithRulesRefusesDrift(t *testing.T) {
	m := workflow.WithRules(ApplicationMachine(), workflow.Rules{"submit": {}})
	if err := workflow.New(nil).Register(m); err == nil || !strings.Contains(err.Error(), `no rule for event "claim"`) {
		t.Fatalf("a table event without a rule: %v", err)
	}
}
