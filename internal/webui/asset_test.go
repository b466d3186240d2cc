package webui_test

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"regexp"
	"testing"
)

var assetRE = regexp.MustCompile(`(?:href|src)="(/static/[^"]+)"`)

// TestStaticAssetsAreFingerprintedAndCached: pages link assets by a name
// carrying their hash, served with a year-long immutable lifetime.
func TestStaticAssetsAreFingerprintedAndCached(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		b := s.browser("en")
		home := b.get("/")
		css := regexp.MustCompile(`href="(/static/accord\.[0-9a-f]{10}\.css)"`).FindStringSubmatch(home.body)
		if css == nil {
			t.Fatalf("home page links no fingerprinted stylesheet\n%s", excerpt(home.body))
		}
		r := b.get(css[1])
		r.wantStatus(t, http.StatusOK)
		if got := r.Header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
			t.Errorf("Cache-Control = %q", got)
		}
		if got := r.Header.Get("Content-Type"); got != "text/css; charset=utf-8" {
			t.Errorf("Content-Type = %q", got)
		}
		etag := r.Header.Get("ETag")
		req, _ := http.NewRequest(http.MethodGet, s.url+css[1], nil)
		req.Header.Set("If-None-Match", etag)
		b.do(req).wantStatus(t, http.StatusNotModified)

		b.get("/static/accord.css").wantStatus(t, http.StatusNotFound)
		b.get("/static/accord.0000000000.css").wantStatus(t, http.StatusNotFound)
	})
}

// TestHomePageWeight: the home page with every stylesheet and script it
// loads stays under 100 KB gzip-compressed, for readers on slow or
// expensive connections.
func TestHomePageWeight(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		b := s.browser("ar")
		home := b.get("/")
		total, raw := gzipSize(t, home.body), len(home.body)
		assets := assetRE.FindAllStringSubmatch(home.body, -1)
		if len(assets) == 0 {
			t.Fatal("home page loads no assets")
		}
		for _, a := range assets {
			r := b.get(a[1])
			r.wantStatus(t, http.StatusOK)
			total += gzipSize(t, r.body)
			raw += len(r.body)
		}
		t.Logf("home page in Arabic with %d assets: %d bytes, %d bytes gzip-compressed", len(assets), raw, total)
		if total >= 100*1024 {
			t.Errorf("home page weighs %d bytes gzip-compressed; the budget is 100 KB", total)
		}
	})
}

func gzipSize(t *testing.T, s string) int {
	t.Helper()
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	w.Close()
	return buf.Len()
}
