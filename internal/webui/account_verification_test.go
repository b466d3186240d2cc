package webui_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestRegisterTakenAddressOnTheWeb: the registration form answers a taken
// address as it answers a new one, and the owner is told by mail.
func TestRegisterTakenAddressOnTheWeb(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		s := newSite(t, db)
		owner := s.createUser(accord.RoleApplicant, "owner@example.org", "Owner", "es")
		s.browser("en").register(t, "Mallory", "Owner@example.org", "a squatter password")
		msg := s.LatestMessage(owner.ID, "account_exists")
		if msg.Locale != "es" {
			t.Errorf("owner told in %q, want their language", msg.Locale)
		}
	})
}

// TestAdminVerifiesOnUsersPage: an account whose mail never arrives is
// found on the admin's users page and verified there; the applicant may
// not see the page.
func TestAdminVerifiesOnUsersPage(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		s := newSite(t, db)
		nobody := s.browser("en")
		nobody.register(t, "Kofi", "kofi@example.org", "a long enough password")

		s.createUser(accord.RoleApplicant, "ngo@example.org", "NGO", "en")
		ngo := s.browser("en")
		ngo.signIn("ngo@example.org")
		if r := ngo.get("/admin/users"); r.StatusCode != http.StatusNotFound {
			t.Fatalf("an applicant opened the users page: %d", r.StatusCode)
		}

		s.createUser(accord.RoleAdmin, "admin@example.org", "Admin", "fr")
		admin := s.browser("fr")
		admin.signIn("admin@example.org")
		page := admin.get("/admin/users?q=kofi")
		page.wantStatus(t, http.StatusOK)
		page.wantContains(t, "kofi@example.org", "Confirmer l&#39;adresse")
		var id string
		db.Gorm.Table("users").Where("email = ?", "kofi@example.org").Pluck("id", &id)
		r := admin.submit("/admin/users?q=kofi", "/admin/users/"+id+"/verify", url.Values{"q": {"kofi"}})
		r.wantRedirect(t, "/admin/users?notice=user_verified&q=kofi")
		nobody.signIn("kofi@example.org")
	})
}
