package webui_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/notify"
)

const hostile = `<script>alert(1)</script>`

// TestDirectorySearchFilterAndPages: Arabic spelling variants find each
// other, the region filter narrows, and the pages follow one another.
func TestDirectorySearchFilterAndPages(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		s.addMember("الجمعية المغربية لمحاربة الرشوة", "Moroccan Association against Bribery", "AMCR", "MA", "أبحاث", "مناصرة")
		s.addMember("Kenya Integrity Forum", "Kenya Integrity Forum", "KIF", "KE")
		s.addMember("Transparencia por Colombia", "Transparency for Colombia", "TPC", "CO")
		b := s.browser("ar")

		// "الجمعيه" with a final haa, as often typed, finds "الجمعية".
		r := b.get("/directory?q=" + urlq("الجمعيه"))
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, "الجمعية المغربية لمحاربة الرشوة", "المغرب", "منظمة واحدة معروضة", "أبحاث، مناصرة")
		if strings.Contains(r.body, "Kenya Integrity Forum") {
			t.Error("search for an Arabic name listed a Kenyan organisation")
		}

		r = b.get("/directory?region=AFR&lang=en")
		r.wantContains(t, "Kenya Integrity Forum", "Kenya", "1 organisation shown", `<option value="AFR" selected>`)
		if strings.Contains(r.body, "Transparencia por Colombia") {
			t.Error("region filter AFR listed a Colombian organisation")
		}
		// The search box and filter keep what was asked.
		b.get("/directory?q=kenya").wantContains(t, `value="kenya"`, "Kenya Integrity Forum")

		// 25 more members: 28 in all, a page of 20, then 8.
		for i := range 25 {
			s.addMember(fmt.Sprintf("Page Test %02d", i), fmt.Sprintf("Page Test %02d", i), "", "FR")
		}
		r = b.get("/directory")
		r.wantContains(t, "20 organisations shown", `rel="next"`)
		next := regexp.MustCompile(`href="([^"]+)" rel="next"`).FindStringSubmatch(r.body)
		if next == nil {
			t.Fatal("no next page link")
		}
		r = b.get(html.UnescapeString(next[1]))
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, "8 organisations shown", "First page")
		if strings.Contains(r.body, `rel="next"`) {
			t.Error("the last page links to a next one")
		}
		b.get("/directory?cursor=not-a-cursor").wantStatus(t, http.StatusBadRequest)
	})
}

// TestHostileTextIsEscaped: a name or message crafted as markup is shown
// as text, on the public directory and in the inbox.
func TestHostileTextIsEscaped(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		s.addMember(hostile, hostile, `"><img src=x onerror=alert(2)>`, "TN", hostile)
		r := s.browser("ar").get("/directory")
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, "&lt;script&gt;alert(1)&lt;/script&gt;")
		if strings.Contains(r.body, hostile) || strings.Contains(r.body, "<img src=x") {
			t.Errorf("hostile markup reached the directory page unescaped")
		}

		u := s.createUser("applicant", "reader@example.org", "Reader", "en")
		err := s.db.Transaction(context.Background(), func(tx *gorm.DB) error {
			return notify.Enqueue(context.Background(), tx, notify.Recipient{UserID: u.ID}, "notice",
				map[string]any{"title": hostile, "text": "Body " + hostile})
		})
		if err != nil {
			t.Fatalf("enqueue: %v", err)
		}
		b := s.browser("en")
		b.signIn("reader@example.org")
		r = b.get("/inbox")
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, "1 unread message", "&lt;script&gt;alert(1)&lt;/script&gt;")
		if strings.Contains(r.body, hostile) {
			t.Errorf("hostile markup reached the inbox unescaped")
		}

		// Marking the message read goes through a CSRF-protected form.
		id := regexp.MustCompile(`action="/inbox/([0-9a-f-]+)/read"`).FindStringSubmatch(r.body)
		if id == nil {
			t.Fatal("no mark-read form")
		}
		m := csrfRE.FindStringSubmatch(r.body)
		b.post("/inbox/"+id[1]+"/read", map[string][]string{"csrf_token": {m[1]}}).wantRedirect(t, "/inbox")
		b.get("/inbox").wantContains(t, "0 unread messages")
		b.post("/inbox/"+uuid.NewString()+"/read", map[string][]string{"csrf_token": {m[1]}}).wantStatus(t, http.StatusNotFound)
	})
}

// TestConferencesShowAccreditedOrganisations lists each conference in the
// reader's language with its dates, and only the accredited organisations.
func TestConferencesShowAccreditedOrganisations(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		admitted := s.addMember("مركز الشفافية", "Transparency Centre", "TC", "JO")
		waiting := s.addMember("Waiting NGO", "Waiting NGO", "WN", "PE")
		now := s.clock.Now()
		conf := accreditation.Conference{
			ID: uuid.NewString(), Code: "CoSP12", Title: "Twelfth session of the Conference of the States Parties",
			TitleAR: "الدورة الثانية عشرة لمؤتمر الدول الأطراف", TitleES: "Duodécimo período de sesiones",
			Venue: "Doha", StartsOn: accord.MustDate("2027-12-06"), EndsOn: accord.MustDate("2027-12-10"),
			AccreditationOpensAt: now.Add(-24 * time.Hour), AccreditationClosesAt: now.Add(30 * 24 * time.Hour),
			NominationCutoffAt: now.Add(60 * 24 * time.Hour), MaxDelegates: 3, ObjectionPeriodDays: 30,
			Version: 1, CreatedAt: now, UpdatedAt: now,
		}
		if err := s.db.Gorm.Create(&conf).Error; err != nil {
			t.Fatal(err)
		}
		for _, rq := range []struct {
			org   string
			state string
		}{{admitted.ID, accreditation.RequestAccredited}, {waiting.ID, accreditation.RequestCirculated}} {
			req := accreditation.Request{ID: uuid.NewString(), ConferenceID: conf.ID, OrganizationID: rq.org,
				State: rq.state, Version: 1, EcosocStatus: "none", CreatedAt: now, UpdatedAt: now}
			if err := s.db.Gorm.Create(&req).Error; err != nil {
				t.Fatal(err)
			}
		}
		r := s.browser("ar").get("/conferences")
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, "الدورة الثانية عشرة لمؤتمر الدول الأطراف", "من 6 ديسمبر 2027 إلى 10 ديسمبر 2027",
			"منظمة معتمدة واحدة", "مركز الشفافية", "الأردن", "مفتوحة الآن")
		if strings.Contains(r.body, "Waiting NGO") {
			t.Error("a circulated, not yet accredited, organisation is listed")
		}
		r = s.browser("es").get("/conferences")
		r.wantContains(t, "Duodécimo período de sesiones", "del 6 de diciembre de 2027 al 10 de diciembre de 2027",
			"1 organización acreditada", "Transparency Centre", "Jordania")
		s.browser("fr").get("/conferences").wantContains(t, "Twelfth session", "du 6 décembre 2027 au 10 décembre 2027")
	})
}

// TestWebsiteLinks: only http(s) websites become links.
func TestWebsiteLinks(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		o := s.addMember("Bare Domain NGO", "Bare Domain NGO", "BD", "GH")
		s.db.Gorm.Table("organizations").Where("id = ?", o.ID).Update("website", "bare.example.org")
		o = s.addMember("Script NGO", "Script NGO", "SN", "GH")
		s.db.Gorm.Table("organizations").Where("id = ?", o.ID).Update("website", "javascript:alert(3)")
		r := s.browser("en").get("/directory")
		r.wantContains(t, `<a href="https://bare.example.org" rel="nofollow noopener">bare.example.org</a>`, "javascript:alert(3)</dd>")
		if strings.Contains(r.body, `href="javascript:`) {
			t.Error("a javascript: website became a link")
		}
	})
}
