package synthetic_test

import (
	"context"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/synthetic"
)

// TestSeedCreatesExactlyN: N organisations, each with one accredited
// request to the conference (created on the first run, reused on the
// second) and three confirmed delegates, spread over countries and both
// scripts.
func TestSeedCreatesExactlyN(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, _, err := country.Load(ctx, db); err != nil {
			t.Fatal(err)
		}
		const n = 2500 // more than one batch
		res, err := synthetic.Seed(ctx, db, synthetic.Options{Organizations: n, Conference: "DRILL1", Now: time.Now()})
		if err != nil {
			t.Fatal(err)
		}
		if !res.ConferenceCreated || res.Organizations != n || res.Requests != n || res.Delegates != 3*n {
			t.Fatalf("result %+v", res)
		}
		count := func(sql string, args ...any) int64 {
			t.Helper()
			var c int64
			if err := db.WithContext(ctx).Raw(sql, args...).Scan(&c).Error; err != nil {
				t.Fatal(err)
			}
			return c
		}
		for what, got := range map[string]int64{
			"organisations": count("SELECT COUNT(*) FROM organizations"),
			"requests": count("SELECT COUNT(*) FROM accreditation_requests WHERE conference_id = ? AND state = 'accredited'",
				res.ConferenceID),
			"delegates": count(`SELECT COUNT(*) FROM delegates d JOIN accreditation_requests r ON r.id = d.accreditation_request_id
				WHERE r.conference_id = ? AND d.state = 'confirmed'`, res.ConferenceID),
		} {
			want := int64(n)
			if what == "delegates" {
				want = 3 * n
			}
			if got != want {
				t.Errorf("%s: %d, want %d", what, got, want)
			}
		}
		if c := count(`SELECT COUNT(*) FROM organizations o WHERE NOT EXISTS
			(SELECT 1 FROM accreditation_requests r WHERE r.organization_id = o.id)`); c != 0 {
			t.Errorf("%d organisations without a request", c)
		}
		if c := count(`SELECT COUNT(*) FROM (SELECT r.id FROM accreditation_requests r
			JOIN delegates d ON d.accreditation_request_id = r.id GROUP BY r.id HAVING COUNT(*) <> 3) x`); c != 0 {
			t.Errorf("%d requests without exactly three delegates", c)
		}
		if c := count("SELECT COUNT(DISTINCT country) FROM organizations"); c < 150 {
			t.Errorf("organisations in %d countries, want them spread over the seeds", c)
		}
		if c := count("SELECT COUNT(*) FROM organizations WHERE name <> name_en"); c != n/3+1 {
			t.Errorf("%d organisations named in Arabic, want one in three", c)
		}
		if c := count("SELECT COUNT(*) FROM audit_events"); c != 0 {
			t.Errorf("%d audit events for synthetic rows", c)
		}

		// A second run adds to the same conference.
		again, err := synthetic.Seed(ctx, db, synthetic.Options{Organizations: 10, Conference: "DRILL1"})
		if err != nil {
			t.Fatal(err)
		}
		if again.ConferenceCreated || again.ConferenceID != res.ConferenceID {
			t.Errorf("second run: %+v", again)
		}
		if c := count("SELECT COUNT(*) FROM organizations"); c != n+10 {
			t.Errorf("%d organisations after the second run", c)
		}
		if _, err := synthetic.Seed(ctx, db, synthetic.Options{Organizations: 0, Conference: "X"}); err == nil {
			t.Error("zero organisations accepted")
		}
	})
}
