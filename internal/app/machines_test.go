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

// TestEveryCollectionIsServed: every workflow the services return has its
// transitions and history in the API's document, answering with the
// collection's own schema, and a web form route.
func TestEveryCollectionIsServed(t *testing.T) {
	cfg := config.Config{DataDir: t.TempDir(), SecretKey: []byte(strings.Repeat("k", 32)), BaseURL: "http://accord.test"}
	a, err := Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	srv := a.Server()
	doc, err := srv.OpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	paths := doc["paths"].(map[string]any)
	webRoutes := map[string]bool{}
	for _, r := range srv.Echo().Routes() {
		webRoutes[r.Method+" "+r.Path] = true
	}
	cols := append(a.Membership.Collections(), a.Accreditation.Collections()...)
	var names []string
	for _, col := range cols {
		names = append(names, col.Name)
		post, _ := paths["/api/v1/"+col.Name+"/{id}/transitions"].(map[string]any)["post"].(map[string]any)
		if post == nil {
			t.Errorf("%s: POST …/transitions is not documented", col.Name)
			continue
		}
		schema := post["responses"].(map[string]any)["200"].(map[string]any)["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
		if want := "#/components/schemas/" + col.Doc.ViewName; schema["$ref"] != want {
			t.Errorf("%s: transitions answer %v, want %s", col.Name, schema["$ref"], want)
		}
		if _, ok := paths["/api/v1/"+col.Name+"/{id}/history"].(map[string]any)["get"]; !ok {
			t.Errorf("%s: GET …/history is not documented", col.Name)
		}
	}
	want := []string{"membership-applications", "memberships", "accreditation-requests", "objections", "delegates"}
	if !slices.Equal(names, want) {
		t.Fatalf("collections %v, want %v", names, want)
	}
	for _, path := range []string{"/applications", "/memberships", "/accreditation-requests", "/objections", "/delegates"} {
		if !webRoutes["POST "+path+"/:id/transitions"] {
			t.Errorf("no web form route POST %s/:id/transitions", path)
		}
	}
}
