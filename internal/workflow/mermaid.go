package workflow

import (
	"fmt"
	"slices"
	"strings"

	"github.com/accord-coalition/accord/internal/accord"
)

// Mermaid draws m as a Mermaid stateDiagram-v2 from the same table the
// engine runs, so the published diagram cannot drift from the behaviour.
// Deadline events are labelled "(deadline)", other events only the system
// fires "(system)"; a transition with Resolve is drawn to each of its
// Targets; states nothing leaves are marked final.
func Mermaid(m *Machine) string {
	var b strings.Builder
	b.WriteString("stateDiagram-v2\n")
	fmt.Fprintf(&b, "    [*] --> %s\n", m.Initial)
	var lines []string
	leaves := map[string]bool{}
	for i := range m.Transitions {
		t := &m.Transitions[i]
		for _, from := range t.From {
			leaves[from] = true
			label := t.Event
			switch {
			case m.isDeadline(from, t.Event):
				label += " (deadline)"
			case len(t.Roles) == 1 && t.Roles[0] == accord.RoleSystem:
				label += " (system)"
			}
			for _, to := range t.targets() {
				line := fmt.Sprintf("    %s --> %s: %s\n", from, to, label)
				if !slices.Contains(lines, line) {
					lines = append(lines, line)
				}
			}
		}
	}
	for _, l := range lines {
		b.WriteString(l)
	}
	for _, s := range m.States() {
		if !leaves[s] {
			fmt.Fprintf(&b, "    %s --> [*]\n", s)
		}
	}
	return b.String()
}
