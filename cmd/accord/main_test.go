package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestMain lets a test run this very binary as the accord command, in a
// process of its own: ACCORD_RUN_MAIN=1 turns the test binary into main.
func TestMain(m *testing.M) {
	if os.Getenv("ACCORD_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// env builds a getenv over a map, so tests never read the developer's own
// ACCORD_ variables.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// cli is the command line as an operator runs it, on a data directory of
// its own (SQLite), logging errors only.
type cli struct {
	dir  string
	vars map[string]string
	out  bytes.Buffer // what the last command printed
}

func newCLI(t *testing.T) *cli {
	dir := t.TempDir()
	return &cli{dir: dir, vars: map[string]string{"ACCORD_DATA_DIR": dir, "ACCORD_LOG_LEVEL": "error"}}
}

// run runs accord with args; out then holds what it printed.
func (c *cli) run(args ...string) error {
	c.out.Reset()
	return run(context.Background(), args, env(c.vars), &c.out, &c.out)
}

// server runs `accord serve` in-process until the test ends and returns
// its base URL and everything it printed before listening.
func server(t *testing.T, vars map[string]string, args ...string) (string, string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	vars["ACCORD_LISTEN"] = "127.0.0.1:0"
	vars["ACCORD_LOG_LEVEL"] = "warn"
	go func() {
		done <- run(ctx, append([]string{"serve"}, args...), env(vars), pw, io.Discard)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve returned %v after shutdown", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("serve did not shut down within 30s")
		}
	})
	var printed strings.Builder
	addr := regexp.MustCompile(`listening on (127\.0\.0\.1:\d+)`)
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		printed.WriteString(sc.Text() + "\n")
		if m := addr.FindStringSubmatch(sc.Text()); m != nil {
			go io.Copy(io.Discard, pr)
			return "http://" + m[1], printed.String()
		}
	}
	select {
	case err := <-done:
		t.Fatalf("serve stopped before listening: %v\n%s", err, printed.String())
	default:
		t.Fatalf("serve printed no address:\n%s", printed.String())
	}
	return "", ""
}

func getJSON(t *testing.T, url string, into any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if into != nil && resp.StatusCode == http.StatusOK {
		if err := json.NewDecoder(resp.Body).Decode(into); err != nil {
			t.Fatalf("GET %s: %v", url, err)
		}
	}
	return resp.StatusCode
}

// demoPassword finds the password `serve --demo` printed for email.
func demoPassword(t *testing.T, printed, email string) string {
	t.Helper()
	for _, line := range strings.Split(printed, "\n") {
		f := strings.Fields(line)
		if len(f) >= 3 && f[1] == email {
			return f[2]
		}
	}
	t.Fatalf("no demo account %s in:\n%s", email, printed)
	return ""
}

func TestServeDemoFreshDirectory(t *testing.T) {
	dir := t.TempDir()
	base, printed := server(t, map[string]string{"ACCORD_DATA_DIR": filepath.Join(dir, "data")}, "--demo")

	if code := getJSON(t, base+"/readyz", nil); code != http.StatusOK {
		t.Fatalf("/readyz = %d", code)
	}
	var directory struct {
		Items []struct {
			Name, Country string
		} `json:"items"`
	}
	getJSON(t, base+"/api/v1/directory", &directory)
	if len(directory.Items) < 8 {
		t.Errorf("directory lists %d members, want the demo's 8", len(directory.Items))
	}
	var conferences struct {
		Items []struct{ Code string } `json:"items"`
	}
	getJSON(t, base+"/api/v1/conferences", &conferences)
	if len(conferences.Items) != 1 || conferences.Items[0].Code != "CoSP11" {
		t.Errorf("conferences = %+v, want the demo's CoSP11", conferences.Items)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "accord.db")); err != nil {
		t.Errorf("data/accord.db: %v", err)
	}

	// The printed secretariat account signs in.
	body := fmt.Sprintf(`{"email":"secretariat@demo.accord.example","password":%q}`, demoPassword(t, printed, "secretariat@demo.accord.example"))
	resp, err := http.Post(base+"/api/v1/auth/login", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("demo secretariat login = %d", resp.StatusCode)
	}
}
