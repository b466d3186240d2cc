package demo_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/demo"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/testenv"
)

func TestLoadIsIdempotentAndAccountsWork(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
		e := testenv.New(t, db, testenv.StartAt(now), testenv.BaseURL("http://localhost:8080"))
		users, accr := e.App.Auth, e.App.Accreditation

		first, err := demo.Load(ctx, db, users, accr, now)
		if err != nil {
			t.Fatal(err)
		}
		second, err := demo.Load(ctx, db, users, accr, now.Add(time.Hour))
		if err != nil {
			t.Fatalf("second load: %v", err)
		}

		roles := map[accord.Role]bool{}
		for i, acc := range second {
			roles[acc.Role] = true
			if acc.Password == first[i].Password {
				t.Errorf("%s: password not renewed on the second start", acc.Email)
			}
			if _, err := users.Login(ctx, acc.Email, acc.Password, "127.0.0.1"); err != nil {
				t.Errorf("%s cannot sign in with the printed password: %v", acc.Email, err)
			}
		}
		for _, r := range accord.Roles {
			if !roles[r] {
				t.Errorf("no demo account for role %s", r)
			}
		}

		var orgs []membership.Organization
		if err := db.WithContext(ctx).Find(&orgs).Error; err != nil {
			t.Fatal(err)
		}
		arabic := 0
		for _, o := range orgs {
			if want, err := country.RegionOf(ctx, db, o.Country); err != nil || want != o.Region {
				t.Errorf("%s: region %s, seeds say %s (%v)", o.NameEN, o.Region, want, err)
			}
			for _, r := range o.Name {
				if r >= 0x0600 && r <= 0x06FF {
					arabic++
					break
				}
			}
		}
		if len(orgs) < 8 || arabic < 3 {
			t.Errorf("%d organisations, %d with Arabic names; want at least 8 and 3", len(orgs), arabic)
		}

		entries, _, err := e.App.Membership.Directory(ctx, accord.Actor{}, membership.DirectoryFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 8 {
			t.Errorf("directory lists %d active members, want 8", len(entries))
		}

		// The requests went through the machine: their states, and a
		// transparency report that counts them from the audit trail.
		var rows []accreditation.Request
		if err := db.WithContext(ctx).Order("organization_id").Find(&rows).Error; err != nil {
			t.Fatal(err)
		}
		states := map[string]int{}
		for _, r := range rows {
			states[r.State]++
		}
		want := map[string]int{"accredited": 2, "circulated": 1, "objected": 1, "screened": 1, "submitted": 1, "changes_requested": 1, "draft": 1}
		if fmt.Sprint(states) != fmt.Sprint(want) {
			t.Errorf("demo requests by state = %v, want %v (a second start must not file them again)", states, want)
		}
		report, err := accr.TransparencyReport(ctx, accord.Actor{}, "CoSP11")
		if err != nil {
			t.Fatal(err)
		}
		if report.Admitted != 2 || report.AdmittedEcosoc != 2 || report.Circulated != 2 || report.Objected != 1 {
			t.Errorf("transparency = %+v, want 2 admitted on ECOSOC status, 2 circulated, 1 objected", report)
		}
	})
}
