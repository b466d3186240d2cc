package auth

import "testing"

// The relying party is the public address's host, and its one origin the
// address's scheme, host and port as a browser writes them; an IP
// address cannot be one.
func TestRelyingPartyOfTheBaseURL(t *testing.T) {
	for base, want := range map[string]struct{ id, origin string }{
		"https://accord.example":          {"accord.example", "https://accord.example"},
		"https://Accord.Example:443/":     {"accord.example", "https://accord.example"},
		"http://localhost:8080":           {"localhost", "http://localhost:8080"},
		"https://accord.example:8443/app": {"accord.example", "https://accord.example:8443"},
	} {
		rp, err := newRelyingParty(base)
		if err != nil {
			t.Errorf("%s: %v", base, err)
			continue
		}
		if rp.Config.RPID != want.id || len(rp.Config.RPOrigins) != 1 || rp.Config.RPOrigins[0] != want.origin {
			t.Errorf("%s: RP ID %q, origins %v; want %q, %q", base, rp.Config.RPID, rp.Config.RPOrigins, want.id, want.origin)
		}
	}
	for _, base := range []string{"http://127.0.0.1:8080", "http://[::1]:8080", "not a url", ""} {
		if _, err := newRelyingParty(base); err == nil {
			t.Errorf("%q made a relying party", base)
		}
	}
}
