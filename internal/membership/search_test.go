package membership_test

import (
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/testenv"
)

// TestSearchIsBoundedAndEscaped: a search longer than a name is a 400 on
// both engines (SQLite would fail a LIKE pattern over 50,000 bytes), and
// LIKE's wildcards in it match only themselves.
func TestSearchIsBoundedAndEscaped(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		ctx := t.Context()
		public := accord.Actor{}
		for _, q := range []string{strings.Repeat("a", 50001), strings.Repeat("ب", membership.MaxSearchLen+1)} {
			_, _, err := e.App.Membership.Directory(ctx, public, membership.DirectoryFilter{Q: q})
			if accord.KindOf(err) != accord.KindBadRequest {
				t.Errorf("search of %d characters: %v, want a 400", len([]rune(q)), err)
			}
		}
		for _, q := range []string{"%", "_", `\`, "%%_\\", strings.Repeat("x", membership.MaxSearchLen)} {
			if _, _, err := e.App.Membership.Directory(ctx, public, membership.DirectoryFilter{Q: q}); err != nil {
				t.Errorf("search %q: %v", q, err)
			}
		}
	})
}
