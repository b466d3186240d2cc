package webui_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

// TestRegisterTakenAddressOnTheWeb: the registration form answers a taken
// address as it answers a new one, and the owner is told by mail.
func TestRegisterTakenAddressOnTheWeb(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
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
	onEngines(t, newSite, func(t *testing.T, s *site) {
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
		r := admin.submit("/admin/users?q=kofi", "/admin/users/"+s.UserID("kofi@example.org")+"/verify", url.Values{"q": {"kofi"}})
		r.wantRedirect(t, "/admin/users?notice=user_verified&q=kofi")
		nobody.signIn("kofi@example.org")
	})
}

// TestForgotPasswordOnTheWeb walks from the sign-in page's "forgot
// password" link to signing in with the new password, in Spanish; the
// mail comes in the account's language, and the link works once.
func TestForgotPasswordOnTheWeb(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		u := s.createUser(accord.RoleApplicant, "lucia@example.org", "Lucía", "fr")
		other := s.browser("fr")
		other.signIn("lucia@example.org")

		b := s.browser("es")
		b.get("/login").wantContains(t, `href="/password-reset"`, "¿Olvidó su contraseña?")
		r := b.submit("/password-reset", "/password-reset", url.Values{"email": {"lucia@example.org"}})
		r.wantRedirect(t, "/login?notice=reset_sent")
		b.submit("/password-reset", "/password-reset", url.Values{"email": {"nobody@example.org"}}).
			wantRedirect(t, "/login?notice=reset_sent")

		msg := s.LatestMessage(u.ID, "password_reset")
		if msg.Locale != "fr" {
			t.Errorf("reset mailed in %q, want the account's French", msg.Locale)
		}
		token := s.MailedToken(u.ID, "password_reset")
		form := "/password-reset/confirm?token=" + token
		b.get(form).wantContains(t, `name="token" value="`+token+`"`, "Elegir una nueva contraseña")
		r = b.submit(form, "/password-reset/confirm", url.Values{"token": {token}, "password": {"corta"}, "password_confirm": {"corta"}})
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r = b.submit(form, "/password-reset/confirm", url.Values{"token": {token},
			"password": {"una contraseña nueva"}, "password_confirm": {"una contraseña nueva"}})
		r.wantRedirect(t, "/login?notice=password_reset")
		r = b.submit(form, "/password-reset/confirm", url.Values{"token": {token},
			"password": {"otra contraseña nueva"}, "password_confirm": {"otra contraseña nueva"}})
		r.wantStatus(t, http.StatusUnprocessableEntity)

		b.SignIn("lucia@example.org", "una contraseña nueva")
	})
}

// TestOrganizationPeoplePage: an applicant invites a colleague from the
// people page, in French, sees them listed as invited, and removes them.
func TestOrganizationPeoplePage(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		org := s.addMember("Transparence Sénégal", "Transparency Senegal", "TS", "SN")
		u := s.createUser(accord.RoleApplicant, "awa@ngo.example", "Awa", "fr")
		if err := auth.JoinOrganization(context.Background(), s.db.Gorm, u.ID, org.ID, time.Now()); err != nil {
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
		s.db.Gorm.Table("users").Where("email = ? AND organization_id = ?", "moussa@ngo.example", org.ID).Pluck("id", &id)
		if id == "" {
			t.Fatal("the invited colleague has no account in the organisation")
		}
		s.LatestMessage(id, "organization_invitation")
		b.get("/organization/people").wantContains(t, "moussa@ngo.example", "Invité, pas encore inscrit")

		r = b.submit("/organization/people", "/organization/people/"+id+"/remove", url.Values{})
		r.wantRedirect(t, "/organization/people?notice=colleague_removed")
		var n int64
		s.db.Gorm.Table("users").Where("email = ?", "moussa@ngo.example").Count(&n)
		if n != 0 {
			t.Fatal("a withdrawn invitation left its account")
		}
	})
}
