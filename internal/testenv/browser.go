package testenv

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// Browser is one visitor of the web pages, with its own cookies. It does
// not follow redirects, so tests see them.
type Browser struct {
	T      testing.TB
	URL    string // the server's root
	Client *http.Client
	Lang   string // Accept-Language sent with every request
}

// Browser opens a browser on the environment's server that asks for pages
// in acceptLanguage.
func (e *Env) Browser(acceptLanguage string) *Browser {
	jar, _ := cookiejar.New(nil)
	return &Browser{T: e.T, URL: e.URL, Lang: acceptLanguage, Client: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// BrowserAs opens a browser as Browser does and signs it in as u.
func (e *Env) BrowserAs(u *User, acceptLanguage string) *Browser {
	e.T.Helper()
	b := e.Browser(acceptLanguage)
	b.SignIn(u.Email, Password)
	return b
}

// Page is an answer read whole.
type Page struct {
	*http.Response
	Body string
}

// Do sends req with the browser's cookies and language.
func (b *Browser) Do(req *http.Request) Page {
	b.T.Helper()
	if b.Lang != "" {
		req.Header.Set("Accept-Language", b.Lang)
	}
	resp, err := b.Client.Do(req)
	if err != nil {
		b.T.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		b.T.Fatalf("read %s: %v", req.URL, err)
	}
	return Page{resp, string(body)}
}

// Get fetches path.
func (b *Browser) Get(path string) Page {
	b.T.Helper()
	req, _ := http.NewRequest(http.MethodGet, b.URL+path, nil)
	return b.Do(req)
}

// Post posts form to path as a browser posts a plain form.
func (b *Browser) Post(path string, form url.Values) Page {
	b.T.Helper()
	return b.PostFrom("", path, form)
}

// PostFrom posts form to path as Post does, from the page at referer, a
// path of this server or a whole address ("" sends no Referer).
func (b *Browser) PostFrom(referer, path string, form url.Values) Page {
	b.T.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	switch {
	case strings.HasPrefix(referer, "/"):
		req.Header.Set("Referer", b.URL+referer)
	case referer != "":
		req.Header.Set("Referer", referer)
	}
	return b.Do(req)
}

// PostToken posts form to path with token as its CSRF token, as a page's
// script does with the token it read once.
func (b *Browser) PostToken(path, token string, form url.Values) Page {
	b.T.Helper()
	form.Set("csrf_token", token)
	return b.Post(path, form)
}

// CSRF finds a page's CSRF token field.
var CSRF = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

// CSRFToken fetches the page at formPath and returns its CSRF token.
func (b *Browser) CSRFToken(formPath string) string {
	b.T.Helper()
	page := b.Get(formPath)
	m := CSRF.FindStringSubmatch(page.Body)
	if m == nil {
		b.T.Fatalf("GET %s (%d) has no CSRF field", formPath, page.StatusCode)
	}
	return m[1]
}

// Submit fetches the page at formPath, then posts form to action with the
// page's CSRF token, as a browser does.
func (b *Browser) Submit(formPath, action string, form url.Values) Page {
	b.T.Helper()
	return b.PostToken(action, b.CSRFToken(formPath), form)
}

// Upload posts a multipart form to action with the CSRF token of the page
// at formPath, as a browser sends a form with a file: the token is a field
// of the multipart body, unless fields forge one.
func (b *Browser) Upload(formPath, action string, fields map[string]string, fileField, filename string, data []byte) Page {
	b.T.Helper()
	token := b.CSRFToken(formPath)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if _, forged := fields["csrf_token"]; !forged {
		mw.WriteField("csrf_token", token)
	}
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if fileField != "" {
		fw, err := mw.CreateFormFile(fileField, filename)
		if err != nil {
			b.T.Fatal(err)
		}
		fw.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, b.URL+action, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return b.Do(req)
}

// Login sends the login form with email and password and returns the
// answer, whatever it is: a refusal, the second step, or the way in.
func (b *Browser) Login(email, password string) Page {
	b.T.Helper()
	return b.Submit("/login", "/login", url.Values{"email": {email}, "password": {password}})
}

// SignIn signs the browser in through the login form.
func (b *Browser) SignIn(email, password string) {
	b.T.Helper()
	b.Login(email, password).WantRedirect(b.T, "/")
}

// Cookie is the browser's cookie of name, or nil.
func (b *Browser) Cookie(name string) *http.Cookie {
	u, _ := url.Parse(b.URL)
	for _, c := range b.Client.Jar.Cookies(u) {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// SetCookie finds the Set-Cookie of name in p.
func (p Page) SetCookie(name string) *http.Cookie {
	for _, c := range p.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Find is what the first match of pattern on the page captures in its
// first group; the test ends when nothing on the page matches.
func (p Page) Find(t testing.TB, pattern string) string {
	t.Helper()
	return p.Match(t, regexp.MustCompile(pattern))
}

// Match is Find with a compiled pattern.
func (p Page) Match(t testing.TB, re *regexp.Regexp) string {
	t.Helper()
	m := re.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("%s %s: nothing matches %s\n%s", p.Request.Method, p.Request.URL, re, Excerpt(p.Body))
	}
	return m[1]
}

// WantStatus ends the test unless the page has status want.
func (p Page) WantStatus(t testing.TB, want int) {
	t.Helper()
	if p.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d\n%s", p.Request.Method, p.Request.URL.Path, p.StatusCode, want, Excerpt(p.Body))
	}
}

// WantContains reports each part the page lacks.
func (p Page) WantContains(t testing.TB, parts ...string) {
	t.Helper()
	for _, part := range parts {
		if !strings.Contains(p.Body, part) {
			t.Errorf("%s %s: body lacks %q\n%s", p.Request.Method, p.Request.URL, part, Excerpt(p.Body))
		}
	}
}

// WantLacks reports each part the page has, which it must not.
func (p Page) WantLacks(t testing.TB, parts ...string) {
	t.Helper()
	for _, part := range parts {
		if strings.Contains(p.Body, part) {
			t.Errorf("%s %s: body has %q, which it must not\n%s", p.Request.Method, p.Request.URL, part, Excerpt(p.Body))
		}
	}
}

// WantRedirect ends the test unless the page is a 303 to an address
// starting with prefix.
func (p Page) WantRedirect(t testing.TB, prefix string) {
	t.Helper()
	if p.StatusCode != http.StatusSeeOther || !strings.HasPrefix(p.Header.Get("Location"), prefix) {
		t.Fatalf("%s %s: got %d to %q, want 303 to %s…\n%s", p.Request.Method, p.Request.URL.Path,
			p.StatusCode, p.Header.Get("Location"), prefix, Excerpt(p.Body))
	}
}

// Excerpt shortens a page for a failure message.
func Excerpt(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}
