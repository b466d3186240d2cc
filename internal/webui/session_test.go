package webui_test

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

// TestRegisterVerifyAndSignIn walks the forms as a browser does: register,
// follow the mailed link, sign in; every POST carries the CSRF token, and
// the session cookies are HttpOnly and SameSite=Lax.
func TestRegisterVerifyAndSignIn(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		b := s.browser("fr")
		b.register(t, "Aïcha Diallo", "aicha@example.org", "une phrase assez longue")

		// Signing in before verifying is refused, in French, with the
		// email kept.
		r := b.login("aicha@example.org", "une phrase assez longue")
		r.wantStatus(t, http.StatusForbidden)
		r.wantContains(t, "pas encore confirmée", `value="aicha@example.org"`)

		userID := s.UserID("aicha@example.org")
		var locale string
		s.db.Gorm.Table("users").Where("id = ?", userID).Pluck("locale", &locale)
		if locale != "fr" {
			t.Errorf("registered in French, account locale %q", locale)
		}
		token := s.MailedToken(userID, "verify_email")
		// The link's GET changes nothing: it shows a button.
		b.get("/verify-email?token="+token).wantContains(t, `name="token" value="`+token+`"`)
		r = b.submit("/verify-email?token="+token, "/verify-email", url.Values{"token": {token}})
		r.wantRedirect(t, "/login?notice=email_verified")

		r = b.submit("/login", "/login", url.Values{"email": {"aicha@example.org"}, "password": {"une phrase assez longue"}, "next": {"/inbox"}})
		r.wantRedirect(t, "/inbox")
		for _, name := range []string{"accord_access", "accord_refresh"} {
			ck := r.setCookie(name)
			if ck == nil || ck.Value == "" {
				t.Fatalf("sign-in set no %s cookie", name)
			}
			if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" || ck.Secure {
				t.Errorf("%s: HttpOnly=%v SameSite=%v Path=%q Secure=%v; want HttpOnly, Lax, /, not Secure over http",
					name, ck.HttpOnly, ck.SameSite, ck.Path, ck.Secure)
			}
		}
		raw := strings.Join(r.Header.Values("Set-Cookie"), "\n")
		if !strings.Contains(raw, "HttpOnly") || !strings.Contains(raw, "SameSite=Lax") {
			t.Errorf("Set-Cookie headers lack the flags:\n%s", raw)
		}

		r = b.get("/inbox")
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, "Boîte de réception", `action="/logout"`)

		r = b.submit("/inbox", "/logout", url.Values{})
		r.wantRedirect(t, "/?notice=signed_out")
		if ck := r.setCookie("accord_access"); ck == nil || ck.MaxAge >= 0 {
			t.Errorf("sign-out did not delete the access cookie: %+v", ck)
		}
		b.get("/inbox").wantRedirect(t, "/login?notice=sign_in_required&next=%2Finbox")
	})
}

// TestExpiredAccessTokenIsRefreshedSilently: after the access token's
// fifteen minutes, the next page rotates the refresh token and carries on.
func TestExpiredAccessTokenIsRefreshedSilently(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		s.createUser("applicant", "omar@example.org", "Omar", "en")
		b := s.browser("en")
		b.signIn("omar@example.org")
		oldRefresh := b.cookie("accord_refresh").Value

		// The cookie jar would drop the expired access cookie by the
		// real clock only; the server must refuse it by its own clock.
		s.clock.Advance(20 * time.Minute)
		r := b.get("/account")
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, "omar@example.org")
		if ck := r.setCookie("accord_refresh"); ck == nil || ck.Value == oldRefresh {
			t.Fatalf("refresh token not rotated: %+v", ck)
		}
		if r.setCookie("accord_access") == nil {
			t.Fatal("no new access cookie")
		}

		// The old refresh token is now spent: presenting it again (a
		// stolen copy) ends the session for everyone.
		thief := s.browser("en")
		req, _ := http.NewRequest(http.MethodGet, s.url+"/account", nil)
		req.AddCookie(&http.Cookie{Name: "accord_refresh", Value: oldRefresh})
		thief.do(req).wantRedirect(t, "/login")
	})
}

// TestSignOutEverywhere ends the sessions of other devices too.
func TestSignOutEverywhere(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		s.createUser("applicant", "lina@example.org", "Lina", "en")
		laptop, phone := s.browser("en"), s.browser("en")
		laptop.signIn("lina@example.org")
		phone.signIn("lina@example.org")

		r := laptop.submit("/account", "/logout-all", url.Values{})
		r.wantRedirect(t, "/login?notice=signed_out_everywhere")
		laptop.get("/account").wantRedirect(t, "/login")

		// The phone's access token runs out; its refresh token was revoked.
		s.clock.Advance(16 * time.Minute)
		phone.get("/account").wantRedirect(t, "/login")
	})
}

// TestInvitationSetsPassword: an invited user chooses a password through
// the mailed link and signs in with it.
func TestInvitationSetsPassword(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		admin := s.createUser("admin", "admin@example.org", "Admin", "en")
		_, inv, err := s.auth.CreateUser(t.Context(), admin.Actor(), authInput("nadia@example.org"))
		if err != nil {
			t.Fatal(err)
		}
		path := strings.TrimPrefix(inv.URL, "http://localhost:8080")
		b := s.browser("ar")
		r := b.submit(path, path, url.Values{"password": {"كلمة مرور طويلة بما يكفي"}, "password_confirm": {"كلمة مرور مختلفة"}})
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, "كلمتا المرور غير متطابقتين.")

		r = b.submit(path, path, url.Values{"password": {"كلمة مرور طويلة بما يكفي"}, "password_confirm": {"كلمة مرور طويلة بما يكفي"}})
		r.wantRedirect(t, "/login?notice=invitation_accepted")
		b.SignIn("nadia@example.org", "كلمة مرور طويلة بما يكفي")

		// The link works once.
		r = b.submit(path, path, url.Values{"password": {"another long password"}, "password_confirm": {"another long password"}})
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, "هذا الرابط غير صالح أو سبق استخدامه.")
	})
}

func authInput(email string) auth.CreateUserInput {
	return auth.CreateUserInput{Email: email, Name: "Nadia", Role: accord.RoleSecretariat, Locale: "ar"}
}

// TestConcurrentRefreshKeepsTheSession: several pages requested at once
// with an expired access token share one refresh instead of tripping the
// refresh token's reuse detection, which would end the session.
func TestConcurrentRefreshKeepsTheSession(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		s.createUser("applicant", "tabs@example.org", "Tabs", "en")
		b := s.browser("en")
		b.signIn("tabs@example.org")
		s.clock.Advance(20 * time.Minute)

		const tabs = 4
		statuses := make(chan int, tabs)
		var wg sync.WaitGroup
		for range tabs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				req, _ := http.NewRequest(http.MethodGet, s.url+"/account", nil)
				resp, err := b.client.Do(req)
				if err != nil {
					statuses <- 0
					return
				}
				resp.Body.Close()
				statuses <- resp.StatusCode
			}()
		}
		wg.Wait()
		close(statuses)
		for st := range statuses {
			if st != http.StatusOK {
				t.Errorf("a tab got %d; want every tab signed in", st)
			}
		}
		// And the session survives: the next page is still signed in.
		b.get("/account").wantStatus(t, http.StatusOK)
	})
}
