package report

import "strings"

// safeFilename joins the non-empty parts with hyphens, keeping only
// letters and digits of ASCII, '.', '_' and '-', so that the name is safe
// in a Content-Disposition header and on every file system.
func safeFilename(parts []string, ext string) string {
	var kept []string
	for _, p := range parts {
		p = strings.Map(func(r rune) rune {
			switch {
			case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '-':
				return r
			case r == '.':
				return '_'
			}
			return -1
		}, p)
		if p = strings.Trim(p, "-_"); p != "" {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		kept = []string{"export"}
	}
	return strings.Join(kept, "-") + "." + ext
}
