package webui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestPostWithoutCSRFTokenIsRefused: an unsafe request without the token,
// or with one that does not match this browser's cookie, gets the 403
// page in the reader's language and does nothing.
func TestPostWithoutCSRFTokenIsRefused(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		b := s.browser("ar")
		b.get("/register") // the browser has its CSRF cookie now
		form := url.Values{"name": {"Mallory"}, "email": {"mallory@example.org"},
			"password": {"a long enough password"}, "password_confirm": {"a long enough password"}}
		r := b.post("/register", form)
		r.wantStatus(t, http.StatusForbidden)
		r.wantContains(t, `<html lang="ar" dir="rtl">`, "انتهت صلاحية هذا النموذج أو أُرسل من موقع آخر")

		// A token from another browser does not fit this one's cookie.
		other := s.browser("en")
		form.Set("csrf_token", other.CSRFToken("/register"))
		b.post("/register", form).wantStatus(t, http.StatusForbidden)

		// A forged token without any cookie is refused too.
		s.browser("en").post("/login", url.Values{"email": {"x@example.org"}, "password": {"x"}, "csrf_token": {"forged"}}).
			wantStatus(t, http.StatusForbidden)

		var n int64
		s.db.Gorm.Table("users").Where("email = ?", "mallory@example.org").Count(&n)
		if n != 0 {
			t.Error("a refused form still created the account")
		}
		// An unknown address answers 404, not 403, whatever the method.
		b.post("/no-such-form", url.Values{}).wantStatus(t, http.StatusNotFound)
	})
}

// TestFieldErrorsInArabic: errors appear beside their fields in Arabic,
// what was typed is kept, and passwords are never sent back.
func TestFieldErrorsInArabic(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		b := s.browser("ar")
		r := b.submit("/register", "/register", url.Values{
			"name": {"سلمى الحسيني"}, "email": {"salma-at-example"},
			"password": {"قصيرة"}, "password_confirm": {"قصيرة"},
		})
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, `<html lang="ar" dir="rtl">`, "يُرجى تصحيح ما يلي:",
			`value="سلمى الحسيني"`, `value="salma-at-example"`)
		wantFieldError(t, r.body, "email", "أدخل عنوان بريد إلكتروني صحيحًا")
		wantFieldError(t, r.body, "password", "يجب ألا تقل كلمة المرور عن 10 أحرف.")
		if strings.Contains(r.body, "قصيرة") {
			t.Error("the password typed was sent back in the page")
		}

		// The two passwords differing is caught before any account exists.
		r = b.submit("/register", "/register", url.Values{
			"name": {"سلمى"}, "email": {"salma@example.org"},
			"password": {"كلمة مرور طويلة"}, "password_confirm": {"كلمة أخرى طويلة"},
		})
		r.wantStatus(t, http.StatusUnprocessableEntity)
		wantFieldError(t, r.body, "password_confirm", "كلمتا المرور غير متطابقتين.")
		var n int64
		s.db.Gorm.Table("users").Where("email = ?", "salma@example.org").Count(&n)
		if n != 0 {
			t.Error("mismatched passwords still created the account")
		}

		// A taken address is answered as a new one (see
		// TestRegisterTakenAddressOnTheWeb), so nobody learns it is taken.
		s.createUser("applicant", "taken@example.org", "Taken", "en")
		b.register(t, "سلمى", "taken@example.org", "كلمة مرور طويلة")

		// A wrong password is one message for the form, the email kept.
		r = b.login("taken@example.org", "not the password")
		r.wantStatus(t, http.StatusUnauthorized)
		r.wantContains(t, "البريد الإلكتروني أو كلمة المرور غير صحيحة.", `value="taken@example.org"`)
	})
}

// wantFieldError checks that the field's error paragraph, with msg, stands
// right before the field's input, and that the input points to it.
func wantFieldError(t *testing.T, body, field, msg string) {
	t.Helper()
	re := regexp.MustCompile(`<p class="field-error" id="f-` + field + `-error">[^<]*<span class="visually-hidden">[^<]*</span>([^<]*)</p>\s*<input id="f-` + field + `"[^>]*>`)
	m := re.FindStringSubmatch(body)
	if m == nil {
		t.Errorf("no error beside field %s\n%s", field, excerpt(body))
		return
	}
	if !strings.Contains(m[1], msg) {
		t.Errorf("field %s: error %q, want %q", field, m[1], msg)
	}
	if !strings.Contains(m[0], `aria-invalid="true"`) || !strings.Contains(m[0], `aria-describedby="f-`+field+`-error`) {
		t.Errorf("field %s: input not marked invalid and described by its error: %s", field, m[0])
	}
}

// TestPasswordChange: a wrong current password is shown beside its field;
// a right one signs the user out everywhere and the new password works.
func TestPasswordChange(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		s.createUser("applicant", "ines@example.org", "Inés", "es")
		b := s.browser("es")
		b.signIn("ines@example.org")
		r := b.submit("/account", "/account/password", url.Values{
			"current_password": {"not my password"}, "new_password": {"una contraseña nueva"}, "new_password_confirm": {"una contraseña nueva"},
		})
		r.wantStatus(t, http.StatusUnprocessableEntity)
		wantFieldError(t, r.body, "current_password", "Esta no es su contraseña actual.")

		r = b.submit("/account", "/account/password", url.Values{
			"current_password": {"a long enough password"}, "new_password": {"una contraseña nueva"}, "new_password_confirm": {"una contraseña nueva"},
		})
		r.wantRedirect(t, "/login?notice=password_changed")
		b.get("/account").wantRedirect(t, "/login")
		b.SignIn("ines@example.org", "una contraseña nueva")
	})
}

// TestPasswordHintOnlyWhereOneIsChosen: the rules for a new password
// show where a password is chosen (registration, the account's change of
// password) and never on the sign-in form, not even when it comes back
// with an error, in any language.
func TestPasswordHintOnlyWhereOneIsChosen(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		s.createUser("applicant", "ines@example.org", "Inés", "en")
		const hint = "At least 10 characters."
		b := s.browser("en")
		r := b.get("/register")
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, `id="f-password-hint"`, hint, `aria-describedby="f-password-hint"`)

		r = b.get("/login")
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, `id="f-password"`)
		r.wantLacks(t, `id="f-password-hint"`, hint)
		r = b.login("ines@example.org", "wrong")
		if r.StatusCode < 400 {
			t.Fatalf("a wrong password signed in: %d", r.StatusCode)
		}
		r.wantContains(t, `id="f-password"`)
		r.wantLacks(t, `id="f-password-hint"`, hint)
		ar := s.browser("ar").get("/login")
		ar.wantContains(t, `<html lang="ar" dir="rtl">`, `id="f-password"`)
		ar.wantLacks(t, `id="f-password-hint"`)

		b.signIn("ines@example.org")
		r = b.get("/account")
		r.wantContains(t, `id="f-new_password-hint"`, hint)
		r.wantLacks(t, `id="f-current_password-hint"`)
	})
}

// TestUnknownAPIAddressIsLeftToTheAPI: the pages' 404 does not answer for
// the JSON API, whose clients expect a problem document.
func TestUnknownAPIAddressIsLeftToTheAPI(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		r := s.browser("ar").get("/api/v1/no-such-thing")
		r.wantStatus(t, http.StatusNotFound)
		if strings.Contains(r.body, "<html") {
			t.Errorf("an unknown API address got the HTML page:\n%s", excerpt(r.body))
		}
		s.browser("ar").get("/apiary").wantContains(t, `<html lang="ar" dir="rtl">`, "الصفحة غير موجودة")
	})
}

// TestServerErrorPage: a failure on our side is a 500 page in the
// reader's language with a reference to quote, never a stack or a JSON
// document.
func TestServerErrorPage(t *testing.T) {
	onEngines(t, newSite, func(t *testing.T, s *site) {
		s.db.Close() // the database goes away
		r := s.browser("ar").get("/directory")
		r.wantStatus(t, http.StatusInternalServerError)
		r.wantContains(t, `<html lang="ar" dir="rtl">`, "حدث خطأ ما", "العودة إلى الصفحة الرئيسية")
		if strings.Contains(r.body, "sql") || strings.Contains(r.body, "goroutine") {
			t.Errorf("the error page shows internals:\n%s", excerpt(r.body))
		}
	})
}
