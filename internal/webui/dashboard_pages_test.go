package webui_test

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/synthetic"
	"github.com/accord-coalition/accord/internal/testenv"
)

// newDashSite serves the pages with the report service registered, on a
// database holding two members, approved after three days each, and a
// synthetic conference of 4 organisations (12 participants).
func newDashSite(t *testing.T, db *store.DB) *site {
	t.Helper()
	ctx := context.Background()
	s := siteWith(t, db, testenv.StartAt(time.Now().UTC().Truncate(time.Second)))
	clk := s.clock
	for _, o := range []membership.Organization{
		s.addMember("الجمعية المصرية للشفافية", "Egyptian Association for Transparency", "EAT", "EG"),
		s.addMember("Transparency International Kenya", "Transparency International Kenya", "TI-K", "KE"),
	} {
		at := clk.Now().AddDate(0, -1, 0)
		decided := at.Add(72 * time.Hour)
		app := membership.Application{ID: uuid.NewString(), OrganizationID: o.ID, State: "approved", Version: 1,
			Region: o.Region, SubmittedAt: &at, DecidedAt: &decided, CreatedAt: at, UpdatedAt: decided}
		if err := db.WithContext(ctx).Create(&app).Error; err != nil {
			t.Fatal(err)
		}
	}
	if _, err := synthetic.Seed(ctx, db, synthetic.Options{Organizations: 4, Conference: "CoSP11", Now: clk.Now()}); err != nil {
		t.Fatal(err)
	}
	return s
}

var firstBar = regexp.MustCompile(`<svg class="chart"[^>]*>.*?<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)"`)

func TestDashboardPage(t *testing.T) {
	onEngines(t, newDashSite, func(t *testing.T, s *site) {
		sec := s.createUser(accord.RoleSecretariat, "hub@example.org", "Hub", "en")
		s.createUser(accord.RoleApplicant, "ngo@example.org", "NGO", "en")
		b := s.browser("en")
		b.signIn("hub@example.org")

		// All four languages, the charts mirrored for Arabic: bars start
		// after the labels on the left, or end before them on the right.
		for _, lang := range []string{"en", "fr", "es", "ar"} {
			r := b.get("/dashboard?lang=" + lang)
			r.wantStatus(t, http.StatusOK)
			r.wantContains(t, `<svg class="chart"`, `role="img"`, `<title id="chart-regions-title">`,
				`<desc id="chart-regions-desc">`, `<svg class="progress"`, `href="/dashboard" aria-current="page"`,
				`action="/exports/conferences/CoSP11"`, `name="file" value="participants.csv"`,
				`value="badges.pdf"`, `value="members.xlsx"`)
			if regexp.MustCompile(`>(dashboard|nav|state|accreditation|delegates|objections)\.[a-z_]+<`).MatchString(r.body) {
				t.Errorf("%s: a catalog key shows on the page", lang)
			}
			m := firstBar.FindStringSubmatch(r.body)
			if m == nil {
				t.Fatalf("%s: no bar in the chart", lang)
			}
			x, _ := strconv.ParseFloat(m[1], 64)
			w, _ := strconv.ParseFloat(m[2], 64)
			if lang == "ar" {
				if x+w != 430 || !strings.Contains(r.body, `dir="rtl"`) {
					t.Errorf("ar: bar from %g to %g, want it to end at 430, before the labels on the right", x, x+w)
				}
			} else if x != 210 {
				t.Errorf("%s: bar starts at %g, want 210, after the labels", lang, x)
			}
		}
		ar := b.get("/dashboard?lang=ar")
		ar.wantContains(t, "لوحة متابعة الأمانة", "البلدان التي فيها عضو", "2 من 100", "الوسيط: 3.0 يوم")

		// The buttons' export, from the page's session.
		r := b.get("/exports/conferences/CoSP11?file=participants.csv&region=&country=&state=&lang=en")
		r.wantStatus(t, http.StatusOK)
		if r.Header.Get("Content-Type") != "text/csv; charset=utf-8" || !strings.HasPrefix(r.body, "\ufeff") ||
			!strings.Contains(r.Header.Get("Content-Disposition"), "CoSP11-participants-") {
			t.Errorf("export: %q %q", r.Header.Get("Content-Type"), r.Header.Get("Content-Disposition"))
		}
		if n := strings.Count(r.body, "\n"); n != 13 {
			t.Errorf("%d lines, want a header and 12 participants", n)
		}
		b.get("/exports/members?file=members.xlsx").wantStatus(t, http.StatusOK)
		b.get("/exports/members?file=members.pdf").wantStatus(t, http.StatusNotFound)
		b.get("/exports/conferences/CoSP11?file=participants.csv&region=NOWHERE").wantStatus(t, http.StatusUnprocessableEntity)
		var events []audit.Event
		if err := s.db.WithContext(context.Background()).Where("entity_type = 'export'").Order("seq").Find(&events).Error; err != nil {
			t.Fatal(err)
		}
		if len(events) != 2 || events[0].ActorID != sec.ID || events[0].Data["channel"] != "web" || events[0].Data["rows"] != float64(12) {
			t.Errorf("audit of web exports: %+v", events)
		}

		// Others: the applicant is refused, the public sent to sign in.
		ngo := s.browser("en")
		ngo.signIn("ngo@example.org")
		ngo.get("/dashboard").wantStatus(t, http.StatusForbidden)
		ngo.get("/exports/conferences/CoSP11?file=participants.csv").wantStatus(t, http.StatusForbidden)
		if strings.Contains(ngo.get("/").body, `href="/dashboard"`) {
			t.Error("the applicant's navigation links to the dashboard")
		}
		s.browser("en").get("/dashboard").wantRedirect(t, "/login")
	})
}
