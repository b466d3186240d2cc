package webui_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestOrganizationPeoplePage: an applicant invites a colleague from the
// people page, in French, sees them listed as invited, and removes them.
func TestOrganizationPeoplePage(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		s := newSite(t, db)
		org := s.addMember("Transparence Sénégal", "Transparency Senegal", "TS", "SN")
		u := s.createUser(accord.RoleApplicant, "awa@ngo.example", "Awa", "fr")
		if err := auth.JoinOrganization(context.Background(), db.Gorm, u.ID, org.ID, time.Now()); err != nil {
			t.Fatal(err)
		}
		b := s.browser("fr")
		b.signIn("awa@ngo.example")
		page := b.get("/organization/people")
		page.wantStatus(t, http.StatusOK)
		page.wantContains(t, "Les personnes de votre organisation", "awa@ngo.example")

		r := b.submit("/organization/people", "/organization/people", url.Values{"name": {"Moussa Ndiaye"}, "email": {"moussa@ngo.example"}})
		r.wantRedirect(t, "/organization/people?notice=colleague_invited")
		var id string
		db.Gorm.Table("users").Where("email = ? AND organization_id = ?", "moussa@ngo.example", org.ID).Pluck("id", &id)
		if id == "" {
			t.Fatal("the invited colleague has no account in the organisation")
		}
		s.LatestMessage(id, "organization_invitation")
		b.get("/organization/people").wantContains(t, "moussa@ngo.example", "Invité, pas encore inscrit")

		r = b.submit("/organization/people", "/organization/people/"+id+"/remove", url.Values{})
		r.wantRedirect(t, "/organization/people?notice=colleague_removed")
		var n int64
		db.Gorm.Table("users").Where("email = ?", "moussa@ngo.example").Count(&n)
		if n != 0 {
			t.Fatal("a withdrawn invitation left its account")
		}
	})
}
