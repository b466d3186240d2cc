package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

func TestServeMigratesAnEmptyPostgres(t *testing.T) {
	url := storetest.EmptyPostgresDatabase(t)
	base, _ := server(t, map[string]string{
		"ACCORD_DATABASE_URL": url,
		"ACCORD_DATA_DIR":     t.TempDir(),
		"ACCORD_SECRET_KEY":   strings.Repeat("k", 32),
	})
	if code := getJSON(t, base+"/readyz", nil); code != http.StatusOK {
		t.Fatalf("/readyz = %d on a freshly migrated PostgreSQL", code)
	}
	var page struct{ Items []any }
	if code := getJSON(t, base+"/api/v1/directory", &page); code != http.StatusOK || len(page.Items) != 0 {
		t.Errorf("directory of an empty database = %d with %d items", code, len(page.Items))
	}
}

func TestUserCreate(t *testing.T) {
	c := newCLI(t)
	err := c.run("user", "create",
		"--email", "Coord@Example.org", "--name", "Nadia", "--role", "coordinator",
		"--password", "a long enough password", "--region", "MENA", "--region", "AFR")
	if err != nil {
		t.Fatalf("user create: %v", err)
	}
	if !regexp.MustCompile(`^[0-9a-f-]{36}\n$`).MatchString(c.out.String()) {
		t.Errorf("user create printed %q, want the new id", c.out.String())
	}

	err = c.run("user", "create",
		"--email", "x@example.org", "--name", "X", "--role", "emperor", "--password", "a long enough password")
	if err == nil || !strings.Contains(err.Error(), "--role") {
		t.Errorf("unknown role: err = %v, want one naming --role", err)
	}
	err = c.run("user", "create",
		"--email", "coord@example.org", "--name", "Again", "--role", "secretariat", "--password", "a long enough password")
	if err == nil || !strings.Contains(err.Error(), "--email") {
		t.Errorf("duplicate email (differing only in case): err = %v, want one naming --email", err)
	}
}

func TestWorkflowsPrintsEveryMachine(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"workflows"}, env(nil), &out, &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if n := strings.Count(text, "stateDiagram-v2"); n != 6 {
		t.Errorf("%d diagrams, want 6", n)
	}
	for _, want := range []string{
		"under_review --> approved: approve",
		"info_requested --> expired: expire (deadline)",
		"objected --> referred: close_period (deadline)",
		"referred --> denied: conference_deny",
		"live --> overruled: overrule",
		"badge_issued --> checked_in: check_in",
		"previewed --> applied: apply",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("workflows output lacks %q", want)
		}
	}
}

// TestTwoTickProcessesFireEachDeadlineOnce runs two `accord tick` processes
// at once on one PostgreSQL database holding due objection deadlines.
func TestTwoTickProcessesFireEachDeadlineOnce(t *testing.T) {
	db := storetest.Postgres(t)
	url := dbURL(t, db)
	vars := map[string]string{"ACCORD_DATABASE_URL": url, "ACCORD_DATA_DIR": t.TempDir(),
		"ACCORD_SECRET_KEY": strings.Repeat("k", 32), "ACCORD_LOG_LEVEL": "error"}
	loadDemo(t, vars)
	ctx := context.Background()
	// The demo's two circulated requests, one of them objected to: their
	// objection period ends now.
	res := db.WithContext(ctx).Exec(`UPDATE accreditation_requests SET objection_deadline = now() - interval '1 minute' WHERE state IN ('circulated', 'objected')`)
	if res.Error != nil || res.RowsAffected != 2 {
		t.Fatalf("set deadlines: %v (%d rows)", res.Error, res.RowsAffected)
	}

	var wg sync.WaitGroup
	outputs := make([]string, 2)
	for i := range outputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outputs[i] = runProcess(t, vars, "tick")
		}()
	}
	wg.Wait()
	fired := 0
	for _, o := range outputs {
		m := regexp.MustCompile(`(\d+) deadline transitions fired`).FindStringSubmatch(o)
		if m == nil {
			t.Fatalf("tick printed %q", o)
		}
		n, _ := strconv.Atoi(m[1])
		fired += n
	}
	if fired != 2 {
		t.Errorf("the two processes fired %d transitions in all, want 2 (%q)", fired, outputs)
	}
	var events int64
	db.WithContext(ctx).Model(&audit.Event{}).Where("event = ?", "close_period").Count(&events)
	if events != 2 {
		t.Errorf("%d close_period audit events, want 2", events)
	}
	var accredited, referred int64
	db.WithContext(ctx).Table("accreditation_requests").Where("state = 'accredited' AND circulation_id IS NOT NULL").Count(&accredited)
	db.WithContext(ctx).Table("accreditation_requests").Where("state = 'referred'").Count(&referred)
	if accredited != 1 || referred != 1 {
		t.Errorf("after the deadline %d accredited and %d referred, want the unopposed one accredited and the opposed one referred", accredited, referred)
	}

	// The chain those processes wrote verifies; a row changed behind the
	// append-only trigger's back is caught and named.
	if out := runProcess(t, vars, "audit", "verify"); !strings.Contains(out, "audit chain intact") {
		t.Errorf("audit verify: %s", out)
	}
	var seq int64
	db.WithContext(ctx).Model(&audit.Event{}).Where("event = ?", "close_period").Order("seq").Limit(1).Pluck("seq", &seq)
	for _, stmt := range []string{
		`ALTER TABLE audit_events DISABLE TRIGGER USER`,
		`UPDATE audit_events SET actor_role = 'secretariat' WHERE seq = ` + strconv.FormatInt(seq, 10),
		`ALTER TABLE audit_events ENABLE TRIGGER USER`,
	} {
		if err := db.WithContext(ctx).Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	out := runProcess(t, vars, "audit", "verify")
	if !strings.Contains(out, "audit chain broken at event "+strconv.FormatInt(seq, 10)) {
		t.Errorf("audit verify after tampering with event %d printed %q", seq, out)
	}
}

func dbURL(t *testing.T, db *store.DB) string {
	t.Helper()
	var name string
	if err := db.WithContext(context.Background()).Raw("SELECT current_database()").Scan(&name).Error; err != nil {
		t.Fatal(err)
	}
	return storetest.WithDatabase(storetest.AdminURL(), name)
}

// loadDemo fills the database through the real `serve --demo` start-up,
// stopped as soon as it listens.
func loadDemo(t *testing.T, vars map[string]string) {
	t.Helper()
	copied := map[string]string{}
	for k, v := range vars {
		copied[k] = v
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out syncBuffer
	done := make(chan error, 1)
	copied["ACCORD_LISTEN"] = "127.0.0.1:0"
	go func() { done <- run(ctx, []string{"serve", "--demo"}, env(copied), &out, &out) }()
	for !strings.Contains(out.String(), "listening on") {
		select {
		case err := <-done:
			t.Fatalf("serve --demo stopped: %v\n%s", err, out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	<-done
}

// runProcess runs the accord command in a separate process (this test
// binary, turned into main by TestMain) and returns its combined output.
func runProcess(t *testing.T, vars map[string]string, args ...string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = []string{"ACCORD_RUN_MAIN=1", "PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	for k, v := range vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Dir = filepath.Dir(vars["ACCORD_DATA_DIR"])
	out, _ := cmd.CombinedOutput()
	return string(out)
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestReadmeShowsTheWorkflows keeps README.md's diagrams equal to what
// `accord workflows` prints from the engine's tables.
func TestReadmeShowsTheWorkflows(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"workflows"}, env(nil), &out, &out); err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.ReplaceAll(out.String(), "## ", "### ")
	start := strings.Index(string(readme), "<!-- workflows:start -->\n")
	end := strings.Index(string(readme), "<!-- workflows:end -->")
	if start < 0 || end < start {
		t.Fatal("README.md lacks the workflows markers")
	}
	if got := string(readme)[start+len("<!-- workflows:start -->\n") : end]; got != want {
		t.Errorf("README.md's workflow diagrams differ from `accord workflows`; paste its output (headings as ###) between the markers")
	}
}
