package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/app"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/demo"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestSweepNeverAnswers5xx sends garbage, on both engines, to every route
// /api/openapi.json lists and to every page and form, as the public and as
// a signed-in user of each role: bad bytes (%00, %ff) in paths and
// queries, forged cursors, huge values, wrong types and hostile bodies.
// The server holds the demonstration data, so real ids meet garbage too.
// Whatever it is sent, it never answers 5xx.
func TestSweepNeverAnswers5xx(t *testing.T) {
	if testing.Short() {
		t.Skip("the sweep sends thousands of requests")
	}
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			sw := newSweep(t, engine)
			sw.api()
			sw.web()
			sw.wait()
			byStatus := map[int]int64{}
			sw.status.Range(func(k, v any) bool { byStatus[k.(int)] = v.(*atomic.Int64).Load(); return true })
			t.Logf("%s: %d requests sent, %d answered 5xx; by status %v", engine, sw.sent.Load(), sw.failed.Load(), byStatus)
			fmt.Printf("sweep %s: %d requests, %d answered 5xx\n", engine, sw.sent.Load(), sw.failed.Load())
		})
	}
}

type sweep struct {
	t       *testing.T
	base    string
	host    string
	routes  []*echo.Route
	ids     []string // real ids of every kind, from the demonstration data
	tokens  map[string]string
	browser map[string]*webIdentity
	jobs    chan func()
	wg      sync.WaitGroup
	sent    atomic.Int64
	failed  atomic.Int64
	status  sync.Map // status code → *atomic.Int64
	mu      sync.Mutex
	reports []string
}

type webIdentity struct {
	client *http.Client
	csrf   string
}

func newSweep(t *testing.T, engine string) *sweep {
	t.Helper()
	ctx := context.Background()
	cfg := config.Config{
		DataDir: t.TempDir(), SecretKey: []byte("a-sweep-secret-key-that-is-long-enough-0123456789"),
		BaseURL: "http://accord.test", TickInterval: time.Minute, PassportRetention: 90 * 24 * time.Hour,
	}
	if engine == "postgres" {
		u, err := storetest.NewPostgresDatabase(t)
		if err != nil {
			t.Fatal(err)
		}
		cfg.DatabaseURL = u
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	// Cheap password hashing: the sweep sends thousands of sign-ins.
	auth.DefaultArgon2 = auth.Argon2Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	a, err := app.Open(ctx, cfg, logger)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	if err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, _, err := country.Load(ctx, a.DB); err != nil {
		t.Fatal(err)
	}
	accounts, err := demo.Load(ctx, a.DB, a.Auth, a.Accreditation, a.Now())
	if err != nil {
		t.Fatal(err)
	}
	srv := a.Server()
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	u, _ := url.Parse(hs.URL)
	sw := &sweep{t: t, base: hs.URL, host: u.Host, routes: srv.Echo().Routes(), tokens: map[string]string{"": ""},
		browser: map[string]*webIdentity{"": sw0(t, hs.URL)}, jobs: make(chan func())}
	for _, table := range []string{"organizations", "membership_applications", "memberships", "conferences",
		"accreditation_requests", "delegates", "objections", "membership_documents", "users", "messages"} {
		var ids []string
		if err := a.DB.WithContext(ctx).Table(table).Limit(1).Pluck("id", &ids).Error; err == nil {
			sw.ids = append(sw.ids, ids...)
		}
	}
	seen := map[accord.Role]bool{}
	for _, acc := range accounts {
		if seen[acc.Role] {
			continue
		}
		seen[acc.Role] = true
		sw.tokens[string(acc.Role)] = sw.apiLogin(acc.Email, acc.Password)
		w := sw0(t, hs.URL)
		w.signIn(t, hs.URL, acc.Email, acc.Password)
		sw.browser[string(acc.Role)] = w
	}
	for range 4 {
		go func() {
			for job := range sw.jobs {
				job()
				sw.wg.Done()
			}
		}()
	}
	t.Cleanup(func() { close(sw.jobs) })
	return sw
}

var csrfField = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

// sw0 is a browser with an empty cookie jar and the CSRF token of its
// first page.
func sw0(t *testing.T, base string) *webIdentity {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	w := &webIdentity{client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	w.refreshToken(t, base)
	return w
}

func (w *webIdentity) refreshToken(t *testing.T, base string) {
	t.Helper()
	res, err := w.client.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := csrfField.FindSubmatch(body)
	if m == nil {
		t.Fatalf("no CSRF token on /login (%d)", res.StatusCode)
	}
	w.csrf = string(m[1])
}

func (w *webIdentity) signIn(t *testing.T, base, email, password string) {
	t.Helper()
	res, err := w.client.PostForm(base+"/login", url.Values{"email": {email}, "password": {password}, "csrf_token": {w.csrf}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther && res.StatusCode != http.StatusFound {
		t.Fatalf("web sign-in as %s: %d", email, res.StatusCode)
	}
	// Signing in starts a new CSRF seed; take the token of a signed-in page.
	res, err = w.client.Get(base + "/account")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if m := csrfField.FindSubmatch(body); m != nil {
		w.csrf = string(m[1])
	}
}

func (sw *sweep) apiLogin(email, password string) string {
	sw.t.Helper()
	body, _ := json.Marshal(map[string]string{"email": email, "password": password})
	res, err := http.Post(sw.base+"/api/v1/auth/login", "application/json", bytes.NewReader(body))
	if err != nil {
		sw.t.Fatal(err)
	}
	defer res.Body.Close()
	var pair struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(res.Body).Decode(&pair); err != nil || pair.AccessToken == "" {
		sw.t.Fatalf("API login as %s: %d %v", email, res.StatusCode, err)
	}
	return pair.AccessToken
}

// Garbage. Path and query values are written raw, already percent-encoded.
var (
	forgedCursors = []string{"eyJrIjoieCIsImkiOiJ4In0", "eyJrIjoieCIsImkiOiJ4In0.AAAAAAAAAAAAAAAAAAAAAA",
		"eyJrIjoiMjAyNi0xMy00NSIsImkiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAifQ", "%00", "."}
	badPathValues = []string{"%00", "%ff", "a%00b", strings.Repeat("a", 3000), "%27%20OR%201%3D1",
		"..%2f..%2fetc", "0d7c2a8e-0000-4000-8000-00000000000G", "CoSP11"}
	badQueryValues = []string{"%00", "%ff", strings.Repeat("b", 5000), "-1", "99999999999999999999999", "2026-13-45"}
	genericQuery   = []string{"cursor=" + forgedCursors[0], "cursor=" + forgedCursors[1], "cursor=" + forgedCursors[2],
		"q=" + strings.Repeat("a", 50001), "q=%25_%5C&limit=-1", "state=%ff&region=a%00b", "%zz=1", strings.Repeat("x=1&", 3000)}
	badBodies = []string{``, `null`, `[]`, `12`, `{"version":"x","event":7,"comment":["a"]}`,
		"{\"name\":\"\xff\xfe\",\"given_name\":\"a\\u0000b\",\"passport_number\":\"" + strings.Repeat("9", 100000) + "\"}",
		`{"starts_on":"2026-13-45","max_delegates":1e999,"organization_id":"x","conference_id":"%00","limit":-1}`,
		strings.Repeat(`{"a":`, 3000) + `1` + strings.Repeat(`}`, 3000)}
)

// send queues one request and checks its answer.
func (sw *sweep) send(client *http.Client, method, rawPath, rawQuery string, header http.Header, body []byte) {
	sw.wg.Add(1)
	sw.jobs <- func() {
		u := &url.URL{Scheme: "http", Host: sw.host, Opaque: "//" + sw.host + rawPath, RawQuery: rawQuery}
		req, err := http.NewRequestWithContext(context.Background(), method, sw.base, bytes.NewReader(body))
		if err != nil {
			sw.report("build %s %s: %v", method, rawPath, err)
			return
		}
		req.URL = u
		req.Host = sw.host
		for k, v := range header {
			req.Header[k] = v
		}
		sw.sent.Add(1)
		res, err := client.Do(req)
		if err != nil {
			sw.report("%s %s?%.80s: %v", method, rawPath, rawQuery, err)
			return
		}
		b, _ := io.ReadAll(io.LimitReader(res.Body, 400))
		res.Body.Close()
		n, _ := sw.status.LoadOrStore(res.StatusCode, new(atomic.Int64))
		n.(*atomic.Int64).Add(1)
		if res.StatusCode >= 500 {
			sw.failed.Add(1)
			sw.report("%s %.120s?%.80s: %d %s", method, rawPath, rawQuery, res.StatusCode, b)
		}
	}
}

func (sw *sweep) report(format string, args ...any) {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	sw.reports = append(sw.reports, fmt.Sprintf(format, args...))
}

func (sw *sweep) wait() {
	sw.wg.Wait()
	sort.Strings(sw.reports)
	for i, r := range sw.reports {
		if i == 40 {
			sw.t.Errorf("… and %d more", len(sw.reports)-40)
			break
		}
		sw.t.Error(r)
	}
}

var pathParam = regexp.MustCompile(`\{[^}]+\}|:[a-z_]+`)

// fill substitutes v for every parameter of a route's path.
func fill(path, v string) string { return pathParam.ReplaceAllString(path, v) }

// api sweeps every operation of the OpenAPI document.
func (sw *sweep) api() {
	res, err := http.Get(sw.base + "/api/openapi.json")
	if err != nil {
		sw.t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name string `json:"name"`
				In   string `json:"in"`
			} `json:"parameters"`
		} `json:"paths"`
	}
	err = json.NewDecoder(res.Body).Decode(&doc)
	res.Body.Close()
	if err != nil || len(doc.Paths) < 20 {
		sw.t.Fatalf("openapi.json: %v, %d paths", err, len(doc.Paths))
	}
	client := &http.Client{}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			method = strings.ToUpper(method)
			var query []string
			for _, p := range op.Parameters {
				if p.In == "query" {
					query = append(query, p.Name)
				}
			}
			write := method != http.MethodGet && method != http.MethodHead
			for who, token := range sw.tokens {
				h := http.Header{"Content-Type": {"application/json"}}
				if token != "" {
					h.Set("Authorization", "Bearer "+token)
				}
				body := []byte(`{}`)
				if !write {
					body = nil
				}
				_ = who
				values := badPathValues
				if pathParam.MatchString(path) {
					values = append(values, sw.ids...)
				} else {
					values = []string{""}
				}
				for _, v := range values {
					sw.send(client, method, fill(path, v), "", h, body)
				}
				target := fill(path, "00000000-0000-4000-8000-000000000000")
				if len(sw.ids) > 0 {
					target = fill(path, sw.ids[len(sw.ids)/2])
				}
				for _, q := range genericQuery {
					sw.send(client, method, target, q, h, body)
				}
				for _, name := range query {
					for _, v := range badQueryValues {
						sw.send(client, method, target, name+"="+v, h, body)
					}
					for _, c := range forgedCursors[:2] {
						sw.send(client, method, target, name+"="+c, h, body)
					}
				}
				if write {
					for _, b := range badBodies {
						sw.send(client, method, target, "", h, []byte(b))
					}
					h2 := http.Header{"Content-Type": {"multipart/form-data; boundary=x"}, "Authorization": h["Authorization"]}
					sw.send(client, method, target, "", h2, []byte("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\x00.pdf\"\r\n\r\n%PDF\r\n--x--\r\n"))
				}
			}
		}
	}
}

// webFields are the names the pages' forms use, and a few more.
var webFields = []string{"back", "circ_objection_deadline", "comment", "conference", "conference_id", "country",
	"current_password", "email", "event", "grounds", "lang", "locale", "motivation", "name", "new_password",
	"new_password_confirm", "next", "note_text", "password", "password_confirm", "req_ecosoc_status",
	"req_motivation", "state", "text", "token", "version", "id", "region",
	"conf_accreditation_closes_at", "conf_accreditation_opens_at", "conf_code", "conf_ends_on", "conf_max_delegates",
	"conf_name_objecting_states", "conf_nomination_cutoff_at", "conf_objection_period_days", "conf_starts_on",
	"conf_title", "conf_title_ar", "conf_title_es", "conf_title_fr", "conf_venue",
	"del_email", "del_family_name", "del_family_name_original", "del_gender", "del_given_name",
	"del_given_name_original", "del_nationality", "del_needs_visa_letter", "del_organization_role",
	"del_passport_expiry", "del_passport_number", "del_title",
	"org_acronym", "org_adheres_to_values", "org_areas", "org_city", "org_country", "org_ecosoc_status", "org_email",
	"org_independent_of_government", "org_name", "org_name_en", "org_non_profit", "org_not_political_party",
	"org_phone", "org_registration_authority", "org_registration_number", "org_uncac_chapters", "org_website",
	"org_year_founded"}

var webValues = []string{"\x00", "\xff\xfe", "-1", "99999999999999999999", "2026-13-45",
	"00000000-0000-4000-8000-000000000000", strings.Repeat("ب", 2000), "on"}

// web sweeps every page and form the router knows, outside the API.
func (sw *sweep) web() {
	type route struct{ method, path string }
	var routes []route
	seen := map[route]bool{}
	for _, r := range sw.routes {
		rt := route{r.Method, r.Path}
		if seen[rt] || strings.HasPrefix(r.Path, "/api/") || strings.Contains(r.Path, "*") ||
			(r.Method != http.MethodGet && r.Method != http.MethodPost) {
			continue
		}
		seen[rt] = true
		routes = append(routes, rt)
	}
	if len(routes) < 40 {
		sw.t.Fatalf("only %d web routes", len(routes))
	}
	for who, w := range sw.browser {
		for _, r := range routes {
			if who != "" && strings.HasPrefix(r.path, "/logout") {
				continue // the sweep's own session stays
			}
			values := []string{""}
			if pathParam.MatchString(r.path) {
				values = append(append([]string{}, badPathValues...), sw.ids...)
			}
			form := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
			for _, v := range values {
				var body []byte
				if r.method == http.MethodPost {
					body = []byte(url.Values{"csrf_token": {w.csrf}}.Encode())
				}
				sw.send(w.client, r.method, fill(r.path, v), "", form, body)
			}
			target := fill(r.path, "00000000-0000-4000-8000-000000000000")
			if len(sw.ids) > 0 {
				target = fill(r.path, sw.ids[len(sw.ids)/3])
			}
			if r.method == http.MethodGet {
				for _, q := range genericQuery {
					sw.send(w.client, r.method, target, q, nil, nil)
				}
				for _, name := range []string{"q", "cursor", "region", "state", "next", "limit"} {
					for _, v := range badQueryValues[:4] {
						sw.send(w.client, r.method, target, name+"="+v, nil, nil)
					}
				}
				continue
			}
			for _, v := range webValues {
				f := url.Values{"csrf_token": {w.csrf}}
				for _, name := range webFields {
					f.Set(name, v)
				}
				sw.send(w.client, r.method, target, "", form, []byte(f.Encode()))
			}
			// Without a token, with a forged one, and multipart with bad bytes.
			sw.send(w.client, r.method, target, "", form, []byte("email=a&password=b"))
			sw.send(w.client, r.method, target, "csrf_token="+w.csrf, form, []byte("csrf_token=forged"))
			var mp bytes.Buffer
			mw := multipart.NewWriter(&mp)
			_ = mw.WriteField("csrf_token", w.csrf)
			_ = mw.WriteField("note_text", "\x00\xff")
			fw, _ := mw.CreateFormFile("file", "\x00\xff.pdf")
			_, _ = fw.Write([]byte("%PDF-1.4 not really"))
			mw.Close()
			sw.send(w.client, r.method, target, "", http.Header{"Content-Type": {mw.FormDataContentType()}}, mp.Bytes())
			sw.send(w.client, r.method, target, "", http.Header{"Content-Type": {"multipart/form-data; boundary=x"}}, []byte("--x\r\ngarbage"))
		}
	}
}
