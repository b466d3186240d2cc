package webui

import (
	"net/url"
	"strings"
)

// localPath accepts only a path on this site as a place to go back to
// after signing in, so a crafted link cannot send people elsewhere; it
// returns "" for anything else.
//
// Browsers forgive a great deal in a Location header: they drop tabs and
// line breaks, read a backslash as a slash, and take "//host" as another
// site. So the path must start with a single "/", and neither it nor its
// percent-decoded form may hold a control character, a backslash, a
// space as typed, or begin with "//"; it must parse as a bare path with no
// scheme, host or user. The value comes decoded once from the query.
func localPath(s string) string {
	if !strings.HasPrefix(s, "/") || len(s) > 2000 {
		return ""
	}
	if unsafeForLocation(s, true) {
		return ""
	}
	// Decode a few times: a value decoded once by the query string may
	// still carry %2F%2F, %5C or %09 meant for a later decoder.
	decoded := s
	for range 3 {
		next, err := url.PathUnescape(decoded)
		if err != nil {
			return ""
		}
		if next == decoded {
			break
		}
		decoded = next
		if unsafeForLocation(decoded, false) {
			return ""
		}
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" || !strings.HasPrefix(u.Path, "/") {
		return ""
	}
	return s
}

// unsafeForLocation reports what a browser might read as leaving the site.
// A space is refused only as typed (raw): percent-encoded it is harmless.
func unsafeForLocation(s string, raw bool) bool {
	if strings.HasPrefix(s, "//") {
		return true
	}
	for _, r := range s {
		if r < ' ' || r == 0x7f || r == '\\' || (r >= 0x80 && r <= 0x9f) || (raw && r == ' ') {
			return true
		}
	}
	return false
}
