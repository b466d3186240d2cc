package webui_test

import (
	"net/http"
	"testing"
)

var publicPages = []struct {
	path   string
	status int
}{
	{"/", http.StatusOK},
	{"/login", http.StatusOK},
	{"/register", http.StatusOK},
	{"/directory", http.StatusOK},
	{"/conferences", http.StatusOK},
	{"/verify-email?token=abc", http.StatusOK},
	{"/invitations/abc", http.StatusOK},
	{"/no-such-page", http.StatusNotFound},
}

// TestPagesDeclareLanguageAndDirection: Arabic pages are right to left,
// the others left to right, and each says its language.
func TestPagesDeclareLanguageAndDirection(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		for _, lang := range []struct{ accept, html, word string }{
			{"ar", `<html lang="ar" dir="rtl">`, "تسجيل الدخول"},
			{"en", `<html lang="en" dir="ltr">`, "Sign in"},
			{"fr-FR,fr;q=0.9", `<html lang="fr" dir="ltr">`, "Se connecter"},
			{"es-419", `<html lang="es" dir="ltr">`, "Iniciar sesión"},
		} {
			b := s.browser(lang.accept)
			for _, p := range publicPages {
				r := b.get(p.path)
				r.wantStatus(t, p.status)
				r.wantContains(t, lang.html, lang.word)
				if got := r.Header.Get("Content-Language"); got != lang.html[12:14] {
					t.Errorf("%s in %s: Content-Language %q", p.path, lang.accept, got)
				}
			}
		}
	})
}

// TestLanguageQueryWinsAndIsRemembered: ?lang= beats Accept-Language, is
// kept in the lang cookie, and the cookie then decides without ?lang=.
func TestLanguageQueryWinsAndIsRemembered(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		b := s.browser("ar")
		r := b.get("/directory?lang=fr")
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, `<html lang="fr" dir="ltr">`, "Annuaire des membres")
		ck := r.setCookie("lang")
		if ck == nil || ck.Value != "fr" || ck.MaxAge <= 0 {
			t.Fatalf("lang cookie = %+v, want fr, persistent", ck)
		}
		r = b.get("/")
		r.wantContains(t, `<html lang="fr" dir="ltr">`)
		// The switcher links to the same page in each language.
		r.wantContains(t, `href="/?lang=ar" lang="ar" hreflang="ar"`, `العربية`)

		// An unknown ?lang= changes nothing.
		r = b.get("/?lang=de")
		r.wantContains(t, `<html lang="fr" dir="ltr">`)
	})
}

// TestAcceptLanguageAloneDecides: with no cookie and no query, the
// browser's language is used.
func TestAcceptLanguageAloneDecides(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		r := s.browser("es").get("/")
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, `<html lang="es" dir="ltr">`, "Una coalición mundial de la sociedad civil contra la corrupción")
		if r.setCookie("lang") != nil {
			t.Error("Accept-Language alone set the lang cookie")
		}
		r = s.browser("de, ja;q=0.5").get("/")
		r.wantContains(t, `<html lang="en" dir="ltr">`)
	})
}

// TestSignedInUsersLocale: a user's saved language beats the browser's,
// and changing it on the account page changes the pages at once.
func TestSignedInUsersLocale(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		s.createUser("applicant", "amal@example.org", "Amal", "ar")
		b := s.browser("en")
		b.signIn("amal@example.org")
		b.get("/account").wantContains(t, `<html lang="ar" dir="rtl">`, "حسابي", "amal@example.org")

		r := b.submit("/account", "/account/language", map[string][]string{"locale": {"es"}})
		r.wantRedirect(t, "/account?notice=language_saved")
		b.get("/account?notice=language_saved").wantContains(t, `<html lang="es" dir="ltr">`, "Se ha guardado su idioma.")
	})
}
