package webui_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/testenv"
)

// countingBody is a request body of size bytes, prefix then 'a's, that
// counts what the server read of it.
type countingBody struct {
	prefix     string
	read, size int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	if b.read >= b.size {
		return 0, io.EOF
	}
	n := int64(len(p))
	if rest := b.size - b.read; n > rest {
		n = rest
	}
	for i := range n {
		if at := b.read + i; at < int64(len(b.prefix)) {
			p[i] = b.prefix[at]
		} else {
			p[i] = 'a'
		}
	}
	b.read += n
	return int(n), nil
}

// TestFormsAreLimitedBeforeTheyAreRead: a 40 MB form posted to /login is a
// 413 page having been read no further than the form limit, or not at all
// when its length is declared; without a CSRF cookie it is a 403 unread;
// a form with NUL or invalid UTF-8 in a field is a 400 page.
func TestFormsAreLimitedBeforeTheyAreRead(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		h := e.Server.Handler()
		get := httptest.NewRecorder()
		h.ServeHTTP(get, httptest.NewRequest(http.MethodGet, "/login", nil))
		var cookie *http.Cookie
		for _, c := range get.Result().Cookies() {
			if c.Name == "accord_csrf" {
				cookie = c
			}
		}
		m := csrfRE.FindStringSubmatch(get.Body.String())
		if cookie == nil || m == nil {
			t.Fatalf("GET /login gave no CSRF cookie or token")
		}
		const fortyMB = 40 << 20
		post := func(body *countingBody, contentType string, declared bool, withCookie bool) *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodPost, "/login", body)
			req.ContentLength = -1
			if declared {
				req.ContentLength = body.size
			}
			req.Header.Set("Content-Type", contentType)
			if withCookie {
				req.AddCookie(cookie)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec
		}
		prefixes := map[string]string{
			"multipart/form-data; boundary=x":   "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n",
			"application/x-www-form-urlencoded": "email=",
		}
		for ct, prefix := range prefixes {
			body := &countingBody{prefix: prefix, size: fortyMB}
			rec := post(body, ct, false, true)
			if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "<html") {
				t.Errorf("40 MB %s, length unknown: %d, want a 413 page", ct, rec.Code)
			}
			if body.read > 1<<20 {
				t.Errorf("40 MB %s, length unknown: %d bytes read before the 413, want under 1 MiB", ct, body.read)
			}
			t.Logf("40 MB %s of unknown length: %d, %d bytes read", ct, rec.Code, body.read)

			body = &countingBody{size: fortyMB}
			if rec := post(body, ct, true, true); rec.Code != http.StatusRequestEntityTooLarge || body.read != 0 {
				t.Errorf("40 MB %s, length declared: %d with %d bytes read, want a 413 unread", ct, rec.Code, body.read)
			}
			body = &countingBody{size: fortyMB}
			if rec := post(body, ct, false, false); rec.Code != http.StatusForbidden || body.read != 0 {
				t.Errorf("40 MB %s without a CSRF cookie: %d with %d bytes read, want a 403 unread", ct, rec.Code, body.read)
			}
		}

		for _, bad := range []string{"a\x00b", "\xff\xfe"} {
			form := url.Values{"csrf_token": {m[1]}, "email": {bad}, "password": {"x"}}
			req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.AddCookie(cookie)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusBadRequest {
				t.Errorf("login with %q: %d, want a 400 page", bad, rec.Code)
			}
		}
	})
}
