package report_test

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/report"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/testenv"
)

// env is the application on the shared test environment, driven over the
// report API, with the accreditation service the lists come from.
type env struct {
	*testenv.Env
	accr    *accreditation.Service
	reports *report.Service
}

func newEnv(t *testing.T, db *store.DB) *env {
	t.Helper()
	te := testenv.New(t, db, testenv.ShortDeadlines())
	return &env{Env: te, accr: te.App.Accreditation, reports: te.App.Report}
}

// withFixture runs fn once per engine, as subtests "sqlite" and
// "postgres", each on an environment of its own holding the fixture.
func withFixture(t *testing.T, fn func(t *testing.T, e *env, f *fixture)) {
	t.Helper()
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		fn(t, e, e.fixture())
	})
}

// user is a signed-in person; a nil *user is the public.
type user = testenv.User

// person creates a user of role, as `accord user create` does, makes an
// applicant speak for its organisation, and signs it in.
func (e *env) person(role accord.Role, country, orgID string) *user {
	e.T.Helper()
	return e.PersonOf(role, country, orgID, "en")
}

// organization inserts an organisation and returns its id.
func (e *env) organization(name, nameEN, country, region, ecosoc string) string {
	e.T.Helper()
	return e.Organization(membership.Organization{Name: name, NameEN: nameEN, Country: country, Region: region,
		EcosocStatus: ecosoc, Email: "office@" + strings.ToLower(country) + ".example.org", Phone: "+20 2 2794 1234"}).ID
}

// res is an HTTP response read whole.
type res struct {
	status int
	header http.Header
	body   []byte
}

// get fetches path under the API root as u.
func (e *env) get(u *user, path string, headers ...string) res {
	e.T.Helper()
	return e.send(u, http.MethodGet, path, headers...)
}

func (e *env) send(u *user, method, path string, headers ...string) res {
	e.T.Helper()
	r := e.Call(u, method, path, nil, headers...)
	return res{status: r.Status, header: r.Header, body: r.Body}
}

// want fails unless the answer has status want.
func (r res) want(t *testing.T, what string, want int) res {
	t.Helper()
	if r.status != want {
		t.Fatalf("%s: status %d, want %d: %.500s", what, r.status, want, r.body)
	}
	return r
}

func (e *env) auditEvents(entityType, event string) []audit.Event {
	return e.AuditEvents(entityType, event)
}

// pdfText extracts a PDF's text with pdftotext, without the bidi marks
// poppler puts around right-to-left runs and with whitespace collapsed. It
// skips the test without poppler, except in CI, which must have it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext not found: CI must install poppler-utils")
		}
		t.Skip("pdftotext not found (apt-get install poppler-utils)")
	}
	file := filepath.Join(t.TempDir(), "export.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", file, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, out)
	}
	text := regexp.MustCompile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]").ReplaceAllString(string(out), "")
	return regexp.MustCompile(`\s+`).ReplaceAllString(text, " ")
}
