package webui

import "testing"

// TestLocalPath: only same-site paths survive; every way of smuggling
// another host past a browser is refused.
func TestLocalPath(t *testing.T) {
	keep := []string{
		"/", "/inbox", "/applications/4f1c?tab=documents", "/directory?q=caf%C3%A9&page=2",
		"/accreditation/conferences/CoSP11#requests", "/a/b%20c",
	}
	for _, s := range keep {
		if got := localPath(s); got != s {
			t.Errorf("localPath(%q) = %q; want it kept", s, got)
		}
	}
	refuse := []string{
		"", "inbox", "https://evil.example/", "http://evil.example", "//evil.example", "///evil.example",
		`/\evil.example`, `\\evil.example`, `/\/evil.example`, "/\t/evil.example", "\t//evil.example",
		"/%09/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/%0a/evil.example",
		"%2F%2Fevil.example", "/%2F/evil.example", "/%2f%2fevil.example", "/%5Cevil.example", "/%5cevil.example",
		"/%252F%252Fevil.example", "/%255Cevil.example", "javascript:alert(1)", "/ /evil.example",
		"/\x00/evil.example", "/%00", "/\u0085/evil.example", "/%zz",
	}
	for _, s := range refuse {
		if got := localPath(s); got != "" {
			t.Errorf("localPath(%q) = %q; want it refused", s, got)
		}
	}
}
