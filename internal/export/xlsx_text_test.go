package export

import (
	"strings"
	"testing"
)

// FuzzPlainXMLTextAgreesWithEscaping: writing text as it is, when
// plainXMLText allows it, gives exactly what escaping it would.
func FuzzPlainXMLTextAgreesWithEscaping(f *testing.F) {
	for _, s := range []string{"", "Transparency", "جمعية الشفافية", "a<b", "R&D", `"q"`, "tab\there", "line\nbreak",
		"cr\rhere", "nul\x00", "\xff\xfe", "\uFFFE", "\uFFFF", "\uFB50 presentation form", "\uFEFF", "\U0001F600"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var fast, slow strings.Builder
		appendXMLText(&fast, s)
		escapeXMLText(&slow, s)
		if fast.String() != slow.String() {
			t.Fatalf("%q: written %q, escaped %q", s, fast.String(), slow.String())
		}
	})
}
