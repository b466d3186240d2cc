package app

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/membership"
)

// TestTickPurgesPassports: the tick that fires deadlines also erases the
// passport numbers of conferences past their retention period.
func TestTickPurgesPassports(t *testing.T) {
	ctx := context.Background()
	cfg := config.Config{
		DataDir: t.TempDir(), SecretKey: []byte(strings.Repeat("k", 32)), BaseURL: "http://accord.test",
		TickInterval: time.Minute, PassportRetention: 90 * 24 * time.Hour,
	}
	a, err := Open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, _, err := country.Load(ctx, a.DB); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	long := now.AddDate(-1, 0, 0)
	g := a.DB.WithContext(ctx)
	org := membership.Organization{ID: "0d7c2a8e-0000-4000-8000-0000000000a1", Name: "Old NGO", NameEN: "Old NGO",
		Country: "SN", Region: "AFR", EcosocStatus: "none", Version: 1, CreatedAt: long, UpdatedAt: long}
	conf := accreditation.Conference{ID: "0d7c2a8e-0000-4000-8000-0000000000c1", Code: "OLD", Title: "Old",
		StartsOn: accord.Date{Time: long.Truncate(24 * time.Hour)}, EndsOn: accord.Date{Time: long.Truncate(24 * time.Hour)},
		AccreditationOpensAt: long.AddDate(0, -3, 0), AccreditationClosesAt: long.AddDate(0, -2, 0),
		NominationCutoffAt: long.AddDate(0, -1, 0), MaxDelegates: 3, ObjectionPeriodDays: 30, Version: 1,
		CreatedAt: long, UpdatedAt: long}
	req := accreditation.Request{ID: "0d7c2a8e-0000-4000-8000-0000000000e1", ConferenceID: conf.ID, OrganizationID: org.ID,
		State: accreditation.RequestAccredited, Version: 1, EcosocStatus: "none", CreatedAt: long, UpdatedAt: long}
	del := accreditation.Delegate{ID: "0d7c2a8e-0000-4000-8000-0000000000d1", AccreditationRequestID: req.ID,
		State: accreditation.DelegateCheckedIn, Version: 1, GivenName: "Awa", FamilyName: "Diop",
		PassportNumberEnc: []byte("sealed"), PassportHint: "543", CreatedAt: long, UpdatedAt: long}
	for _, row := range []any{&org, &conf, &req, &del} {
		if err := g.Create(row).Error; err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Tick(ctx); err != nil {
		t.Fatal(err)
	}
	var left int64
	g.Model(&accreditation.Delegate{}).Where("passport_number_enc IS NOT NULL").Count(&left)
	if left != 0 {
		t.Fatalf("%d passport numbers left after the tick", left)
	}
}
