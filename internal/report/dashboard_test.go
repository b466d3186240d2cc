package report_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/report"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// applications inserts membership applications with known times: three
// decided after 2, 4 and 10 days (median 4 days), one waiting, one draft
// and one withdrawn, which have no decision.
func (e *env) applications(f *fixture) {
	e.T.Helper()
	t0 := e.Clock.Now().AddDate(0, -2, 0)
	day := 24 * time.Hour
	for _, a := range []struct {
		org     *org
		region  string
		state   string
		decided time.Duration // 0: none
	}{
		{f.egypt, "MENA", "approved", 2 * day},
		{f.hostile, "AFR", "rejected", 4 * day},
		{f.jordan, "MENA", "rejected_final", 10*day + 0},
		{f.morocco, "MENA", "submitted", 0},
		{f.brazil, "AME", "draft", 0},
		{f.lebanon, "MENA", "withdrawn", 0},
	} {
		app := membership.Application{ID: uuid.NewString(), OrganizationID: a.org.ID, State: a.state, Version: 1,
			Region: a.region, CreatedAt: t0, UpdatedAt: t0}
		if a.state != "draft" {
			submitted := t0
			app.SubmittedAt = &submitted
		}
		if a.decided > 0 {
			decided := t0.Add(a.decided)
			app.DecidedAt = &decided
		}
		if err := e.DB.WithContext(context.Background()).Create(&app).Error; err != nil {
			e.T.Fatal(err)
		}
	}
}

func TestDashboardFigures(t *testing.T) {
	withFixture(t, func(t *testing.T, e *env, f *fixture) {
		e.applications(f)

		r := e.get(f.sec, "/reports/dashboard?lang=ar").want(t, "dashboard", http.StatusOK)
		var d report.Dashboard
		if err := json.Unmarshal(r.body, &d); err != nil {
			t.Fatal(err)
		}
		a := d.Applications
		if a.Total != 6 || a.ByState["approved"] != 1 || a.ByState["draft"] != 1 || a.ByState["submitted"] != 1 {
			t.Errorf("applications %+v", a)
		}
		regions := map[string]report.RegionFigures{}
		for _, rf := range a.ByRegion {
			regions[rf.Region] = rf
		}
		if len(a.ByRegion) != 5 || regions["MENA"].Total != 4 || regions["AFR"].Total != 1 || regions["ECA"].Total != 0 ||
			regions["MENA"].ByState["rejected_final"] != 1 || regions["AME"].ByState["draft"] != 1 {
			t.Errorf("by region %+v", a.ByRegion)
		}
		if regions["MENA"].Name != "الشرق الأوسط وشمال أفريقيا" {
			t.Errorf("MENA in Arabic: %q", regions["MENA"].Name)
		}
		td := d.TimeToDecision
		if td.Decided != 3 || td.MedianDays == nil || *td.MedianDays != 4 || *td.MedianSeconds != 4*86400 {
			t.Errorf("time to decision %+v", td)
		}
		if len(d.Conferences) != 1 {
			t.Fatalf("conferences %+v", d.Conferences)
		}
		c := d.Conferences[0]
		if c.Code != "CoSP11" || c.Title != "الدورة الحادية عشرة لمؤتمر الدول الأطراف" || c.Requests != 6 ||
			c.ByState["accredited"] != 3 || c.ByState["referred"] != 1 || c.ByState["screened"] != 1 {
			t.Errorf("conference %+v", c)
		}
		if c.Outcomes != (report.Outcomes{Accredited: 3, Pending: 3}) {
			t.Errorf("outcomes %+v", c.Outcomes)
		}
		if c.Objections != (report.ObjectionFigures{Total: 1, Live: 1, Requests: 1, States: 1}) {
			t.Errorf("objections %+v", c.Objections)
		}
		tg := d.Targets
		if tg.MemberOrganizations != 2 || tg.CountriesWithMember != (report.Target{Count: 2, Target: 100, Percent: 2}) ||
			tg.CountriesInNetwork != (report.Target{Count: 6, Target: 150, Percent: 4}) {
			t.Errorf("targets %+v", tg)
		}

		for who, u := range map[string]*user{"applicant": f.egypt.Applicant, "state party": f.state, "coordinator": f.coordinator} {
			e.get(u, "/reports/dashboard").want(t, who, http.StatusForbidden)
		}
		e.get(nil, "/reports/dashboard").want(t, "public", http.StatusUnauthorized)
	})
}

func TestDashboardWithNothingDecided(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		sec := e.person("secretariat", "", "")
		d, err := e.reports.Dashboard(context.Background(), sec.Actor(), "fr")
		if err != nil {
			t.Fatal(err)
		}
		if d.TimeToDecision.Decided != 0 || d.TimeToDecision.MedianDays != nil || d.Applications.Total != 0 ||
			len(d.Conferences) != 0 || d.Targets.CountriesInNetwork.Count != 0 {
			t.Errorf("empty dashboard %+v", d)
		}
	})
}
