package accreditation_test

import (
	"context"
	"net/http"
	"testing"
)

// TestBackfillPassportKeys: delegates from before passport hashes get
// theirs at start, and then count in the check; a second run has nothing
// to do.
func TestBackfillPassportKeys(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		f := e.rivals()
		e.call(f.a, "POST", delegatesOf(f.ra), nominee("Amal", "Haddad", "N1234567"), http.StatusCreated)
		e.call(f.b, "POST", delegatesOf(f.rb), nominee("Omar", "Saleh", "P7654321"), http.StatusCreated)
		e.call(f.b, "POST", delegatesOf(f.rb), nominee("Sami", "Ben Salah", "K1111111"), http.StatusCreated)
		// As a database from before: no hashes (the migration fills in
		// the conference).
		if err := e.DB.WithContext(context.Background()).Exec(`UPDATE delegates SET passport_key = NULL`).Error; err != nil {
			t.Fatal(err)
		}
		n, err := e.svc.BackfillPassportKeys(context.Background())
		if err != nil || n != 3 {
			t.Fatalf("backfill: %d, %v; want 3 hashed", n, err)
		}
		e.problem(f.b, "POST", delegatesOf(f.rb), nominee("Amal", "Haddad", "N1234567"), http.StatusConflict, "passport_number")
		if n, err := e.svc.BackfillPassportKeys(context.Background()); err != nil || n != 0 {
			t.Errorf("second backfill: %d, %v; want nothing to do", n, err)
		}
	})
}
