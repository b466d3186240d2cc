package app

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/workflow"
)

// TestEngineRunsTheServicesMachines: the engine runs exactly the machines
// the services return, each with a rule for every event of its table, and
// `accord workflows` draws the same machines.
func TestEngineRunsTheServicesMachines(t *testing.T) {
	cfg := config.Config{DataDir: t.TempDir(), SecretKey: []byte(strings.Repeat("k", 32)), BaseURL: "http://accord.test"}
	a, err := Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()

	var served, drawn []string
	for _, m := range a.Machines() {
		served = append(served, m.Name)
		if a.Engine.Machine(m.Name) != m {
			t.Errorf("machine %s is not the one the engine runs", m.Name)
		}
		for _, tr := range m.Transitions {
			if _, ok := m.Rules[tr.Event]; !ok {
				t.Errorf("machine %s: no rule for %s", m.Name, tr.Event)
			}
		}
	}
	for _, m := range Tables() {
		drawn = append(drawn, m.Name)
	}
	slices.Sort(served)
	slices.Sort(drawn)
	var running []string
	for _, m := range a.Engine.Machines() {
		running = append(running, m.Name)
	}
	if !slices.Equal(served, drawn) || !slices.Equal(served, running) {
		t.Fatalf("services return %v, the engine runs %v, workflows draws %v", served, running, drawn)
	}
}

// TestStartRefusesMismatchedRules: a misspelt event in a service's
// rules stops the start with an error naming it, as does an event left
// without its rule.
func TestStartRefusesMismatchedRules(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(m *workflow.Machine)
		want   string
	}{
		{"rule for an unknown event", func(m *workflow.Machine) { m.Rules["circulat"] = workflow.Rule{} }, `rule for unknown event "circulat"`},
		{"event without a rule", func(m *workflow.Machine) { delete(m.Rules, "revoke") }, `no rule for event "revoke"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := config.Config{DataDir: t.TempDir(), SecretKey: []byte(strings.Repeat("k", 32)), BaseURL: "http://accord.test"}
			a, err := Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
			if err != nil {
				t.Fatal(err)
			}
			defer a.Close()
			m := a.Accreditation.Machines()[0]
			rules := workflow.Rules{}
			for ev, r := range m.Rules {
				rules[ev] = r
			}
			copyOf := *m
			copyOf.Rules = rules
			tc.change(&copyOf)
			err = workflow.New(a.DB).Register(&copyOf)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Register: %v, want an error mentioning %q", err, tc.want)
			}
		})
	}
}
