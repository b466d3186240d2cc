package accreditation_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestBackfillPassportKeys: delegates from before passport hashes get
// theirs at start, and then count in the check; a second run has nothing
// to do.
func TestBackfillPassportKeys(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		sec := e.secretariat()
		a := e.ngo("Arab Transparency Network", "JO", "MENA", "general")
		b := e.ngo("Other Watch", "PE", "AME", "none")
		c1 := e.conference(sec, "C1", 5).str("id")
		ra, rb := e.submitted(a, c1).str("id"), e.submitted(b, c1).str("id")
		path := func(r string) string { return "/accreditation-requests/" + r + "/delegates" }
		e.call(a, "POST", path(ra), nominee("Amal", "Haddad", "N1234567"), http.StatusCreated)
		e.call(b, "POST", path(rb), nominee("Omar", "Saleh", "P7654321"), http.StatusCreated)
		e.call(b, "POST", path(rb), nominee("Sami", "Ben Salah", "K1111111"), http.StatusCreated)
		// As a database from before: no hashes (the migration fills in
		// the conference).
		if err := db.WithContext(context.Background()).Exec(`UPDATE delegates SET passport_key = NULL`).Error; err != nil {
			t.Fatal(err)
		}
		n, err := e.svc.BackfillPassportKeys(context.Background())
		if err != nil || n != 3 {
			t.Fatalf("backfill: %d, %v; want 3 hashed", n, err)
		}
		e.problem(b, "POST", path(rb), nominee("Amal", "Haddad", "N1234567"), http.StatusConflict, "passport_number")
		if n, err := e.svc.BackfillPassportKeys(context.Background()); err != nil || n != 0 {
			t.Errorf("second backfill: %d, %v; want nothing to do", n, err)
		}
	})
}
