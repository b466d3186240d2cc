package workflow

import (
	"errors"
	"fmt"
	"regexp"
	"slices"

	"github.com/accord-coalition/accord/internal/accord"
)

// identifier is what may be spliced into SQL as a table or column name.
var identifier = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

// validate reports every mistake in the table at once, so a machine is
// fixed in one pass.
func (m *Machine) validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	if m.Name == "" {
		bad("no name")
	}
	if !identifier.MatchString(m.Table) {
		bad("table %q is not a plain lower-case identifier", m.Table)
	}
	if m.Initial == "" {
		bad("no initial state")
	}
	type key struct{ from, event string }
	seen := map[key]bool{}
	for i := range m.Transitions {
		t := &m.Transitions[i]
		where := fmt.Sprintf("transition %d (%s)", i, t.Event)
		if t.Event == "" {
			bad("%s: no event", where)
		}
		if len(t.From) == 0 {
			bad("%s: no from state", where)
		}
		if t.To == "" && len(t.Targets) == 0 {
			bad("%s: no target state", where)
		}
		if len(t.Targets) > 0 && t.Resolve == nil {
			bad("%s: Targets without Resolve", where)
		}
		if len(t.Roles) == 0 {
			bad("%s: no role may fire it", where)
		}
		for _, r := range t.Roles {
			if !r.Valid() && r != accord.RoleSystem {
				bad("%s: unknown role %q", where, r)
			}
		}
		for _, from := range t.From {
			if seen[key{from, t.Event}] {
				bad("%s: duplicate (%s, %s)", where, from, t.Event)
			}
			seen[key{from, t.Event}] = true
		}
	}

	states := m.States()
	for i, d := range m.Deadlines {
		where := fmt.Sprintf("deadline %d (%s)", i, d.Event)
		if !identifier.MatchString(d.Column) {
			bad("%s: column %q is not a plain lower-case identifier", where, d.Column)
		}
		if len(d.From) == 0 {
			bad("%s: no from state", where)
		}
		for _, from := range d.From {
			if !slices.Contains(states, from) {
				bad("%s: unknown state %q", where, from)
				continue
			}
			t := m.transition(from, d.Event)
			if t == nil {
				bad("%s: no transition (%s, %s)", where, from, d.Event)
			} else if !t.mayFire(accord.RoleSystem) {
				bad("%s: the system may not fire (%s, %s)", where, from, d.Event)
			}
		}
	}
	m.validateRules(bad)
	if len(m.Deadlines) > 0 && m.Load == nil {
		bad("deadlines need Load")
	}
	return errors.Join(errs...)
}
