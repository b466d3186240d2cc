package memberimport_test

import (
	"net/http"
	"sync"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/memberimport"
	"github.com/accord-coalition/accord/internal/testenv"
)

// TestConcurrentAppliesCreateOnce: the same list uploaded twice and both
// applied at once creates its members once; the apply that comes second
// finds them and skips them.
func TestConcurrentAppliesCreateOnce(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		secretariat := e.Staff(accord.RoleSecretariat)
		list := []byte(csvText("name,country", "Integrity Watch,EG", "Open Budget Group,KE", "Citizens for Integrity,BR"))
		first := preview(t, e, secretariat, "a.csv", list)
		second := preview(t, e, secretariat, "b.csv", list)
		var wg sync.WaitGroup
		views := make([]memberimport.View, 2)
		for i, v := range []memberimport.View{first, second} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := apply(e, secretariat, v)
				if r.Status != http.StatusOK {
					t.Errorf("apply %s: %d %s", v.Filename, r.Status, r.Body)
					return
				}
				r.Decode(t, &views[i])
			}()
		}
		wg.Wait()
		if got := views[0].CreatedCount + views[1].CreatedCount; got != 3 {
			t.Errorf("created %d and %d, want 3 in all", views[0].CreatedCount, views[1].CreatedCount)
		}
		if n := e.Count("organizations", "1 = 1"); n != 3 {
			t.Errorf("%d organisations, want 3", n)
		}
	})
}
