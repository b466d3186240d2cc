package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/demo"
	"github.com/accord-coalition/accord/internal/testenv"
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
	if raceDetector {
		t.Skip("under -race the sweep outlasts the test timeout; the plain go test ./... (and .ci/run) runs it")
	}
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		sw := newSweep(t, e)
		sw.api()
		sw.web()
		sw.wait()
		byStatus := map[int]int64{}
		sw.status.Range(func(k, v any) bool { byStatus[k.(int)] = v.(*atomic.Int64).Load(); return true })
		t.Logf("%s: %d requests sent, %d answered 5xx; by status %v", e.DB.Dialect, sw.sent.Load(), sw.failed.Load(), byStatus)
		fmt.Printf("sweep %s: %d requests, %d answered 5xx\n", e.DB.Dialect, sw.sent.Load(), sw.failed.Load())
	})
}

type sweep struct {
	t      *testing.T
	base   string
	host   string
	routes []*echo.Route
	ids    []string          // real ids of every kind, from the demonstration data
	idOf   map[string]string // a real id of each collection, by its path segment
	tokens map[string]string
	// browser holds a signed-in browser of each role, "" being the public.
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

// collectionTables names the table of the records behind each first path
// segment, so that garbage meets a real record of the kind the route
// serves: a workflow's transitions reach its service, not a 404.
var collectionTables = map[string]string{
	"organizations": "organizations", "organization": "organizations", "directory": "organizations",
	"applications": "membership_applications", "memberships": "memberships", "conferences": "conferences",
	"accreditation-requests": "accreditation_requests", "delegates": "delegates", "objections": "objections",
	"documents": "application_documents", "circulations": "circulations", "users": "users", "inbox": "messages", "messages": "messages",
	"exports": "conferences",
}

// newSweep loads the demonstration data into the application e serves and
// signs in, over both transports, one demonstration account of each role.
func newSweep(t *testing.T, e *testenv.Env) *sweep {
	t.Helper()
	ctx := context.Background()
	accounts, err := demo.Load(ctx, e.DB, e.App.Auth, e.App.Accreditation, e.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(e.URL)
	sw := &sweep{t: t, base: e.URL, host: u.Host, routes: e.Server.Echo().Routes(), tokens: map[string]string{"": ""},
		idOf: map[string]string{}, browser: map[string]*webIdentity{"": sw0(t, e.URL)}, jobs: make(chan func())}
	byTable := map[string]string{}
	for _, table := range []string{"organizations", "membership_applications", "memberships", "conferences",
		"accreditation_requests", "delegates", "objections", "application_documents", "circulations", "users", "messages"} {
		var ids []string
		if err := e.DB.WithContext(ctx).Table(table).Limit(1).Pluck("id", &ids).Error; err != nil {
			t.Fatalf("an id of %s: %v", table, err)
		}
		if len(ids) > 0 {
			sw.ids = append(sw.ids, ids...)
			byTable[table] = ids[0]
		}
	}
	for segment, table := range collectionTables {
		if id := byTable[table]; id != "" {
			sw.idOf[segment] = id
		}
	}
	seen := map[accord.Role]bool{}
	for _, acc := range accounts {
		if seen[acc.Role] {
			continue
		}
		seen[acc.Role] = true
		sw.tokens[string(acc.Role)] = sw.apiLogin(acc.Email, acc.Password)
		w := sw0(t, e.URL)
		w.signIn(t, e.URL, acc.Email, acc.Password)
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

// target fills path's parameters with a real id of the kind its first
// segment names, or with fallback's when none is known.
func (sw *sweep) target(path string, fallback int) string {
	rest := strings.TrimPrefix(strings.TrimPrefix(path, "/api/v1"), "/")
	segment, _, _ := strings.Cut(rest, "/")
	if id, ok := sw.idOf[segment]; ok {
		return fill(path, id)
	}
	if len(sw.ids) == 0 {
		return fill(path, "00000000-0000-4000-8000-000000000000")
	}
	return fill(path, sw.ids[fallback%len(sw.ids)])
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
	type operation struct {
		method, path string
		query        []string
	}
	var ops []operation
	documented := map[string]bool{}
	for path, byMethod := range doc.Paths {
		for method, op := range byMethod {
			o := operation{method: strings.ToUpper(method), path: path}
			for _, p := range op.Parameters {
				if p.In == "query" {
					o.query = append(o.query, p.Name)
				}
			}
			ops = append(ops, o)
			documented[o.method+" "+fill(path, "{}")] = true
		}
	}
	// A route the server serves but the document forgets is swept too, and
	// named: the document is the API's contract.
	for _, r := range sw.routes {
		if !strings.HasPrefix(r.Path, "/api/") || strings.Contains(r.Path, "*") || r.Path == "/api/openapi.json" {
			continue
		}
		if key := r.Method + " " + fill(r.Path, "{}"); !documented[key] {
			documented[key] = true
			sw.t.Logf("swept, though the OpenAPI document does not list it: %s %s", r.Method, r.Path)
			ops = append(ops, operation{method: r.Method, path: r.Path})
		}
	}
	client := &http.Client{}
	for _, o := range ops {
		method, path, query := o.method, o.path, o.query
		write := method != http.MethodGet && method != http.MethodHead
		for _, token := range sw.tokens {
			h := http.Header{"Content-Type": {"application/json"}}
			if token != "" {
				h.Set("Authorization", "Bearer "+token)
			}
			body := []byte(`{}`)
			if !write {
				body = nil
			}
			values := []string{""}
			if pathParam.MatchString(path) {
				values = append(append([]string{}, badPathValues...), sw.ids...)
			}
			for _, v := range values {
				sw.send(client, method, fill(path, v), "", h, body)
			}
			target := sw.target(path, len(sw.ids)/2)
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
			target := sw.target(r.path, len(sw.ids)/3)
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
