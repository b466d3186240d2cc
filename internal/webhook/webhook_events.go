package webhook

import (
	"slices"
	"strings"

	"github.com/accord-coalition/accord/internal/workflow"
)

// EventName is the webhook event of a record of machine reaching state:
// "accreditation_request.accredited", "delegate.checked_in".
func EventName(machine, state string) string { return machine + "." + state }

// Events lists every event a subscription may name, machine by machine:
// "<machine>.*" for all of a machine's, then one per state it can reach.
func Events(machines []*workflow.Machine) []string {
	var out []string
	for _, m := range machines {
		out = append(out, m.Name+".*")
		for _, s := range m.States() {
			out = append(out, EventName(m.Name, s))
		}
	}
	return out
}

// matches reports whether a subscription to patterns receives event: a
// pattern is "*" (everything), "<machine>.*" or one event's name.
func matches(patterns []string, event string) bool {
	for _, p := range patterns {
		if p == "*" || p == event {
			return true
		}
		if prefix, ok := strings.CutSuffix(p, "*"); ok && strings.HasSuffix(prefix, ".") && strings.HasPrefix(event, prefix) {
			return true
		}
	}
	return false
}

// knownEvent reports whether pattern is "*" or one of known.
func knownEvent(known []string, pattern string) bool {
	return pattern == "*" || slices.Contains(known, pattern)
}
