package webui_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/i18n"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestDelegatePageReadsInTheReadersOrder: an Arabic title stands before
// the Latin name, outside its left-to-right span; the nomination form's
// error summary names each field, in French with the no-break space
// French puts before a colon.
func TestDelegatePageReadsInTheReadersOrder(t *testing.T) {
	s := newAccSite(t, storetest.SQLite(t))
	nom := s.nominating(t, "en", "ar", 4)
	ngo, page := nom.ngo, nom.page

	dr := nominee("Amal", "Haddad", "N1234567")
	dr.Set("del_title", "د.")
	ngo.submit(page, page+"/delegates", dr).wantRedirect(t, page)
	r := ngo.get(page)
	r.wantContains(t, `<span class="delegate-title" dir="auto">د.</span> <span lang="en" dir="ltr">Amal Haddad</span>`)
	r.wantLacks(t, `dir="ltr">د.`)

	// The summary names the field of each error.
	r = ngo.submit(page, page+"/delegates", nominee("أمل", "Haddad", "N7654321"))
	r.wantStatus(t, http.StatusUnprocessableEntity)
	label := i18n.Builtin().T("ar", "field.del_given_name", nil)
	summary := summaryOf(t, r.body)
	if !strings.Contains(summary, label+": ") {
		t.Errorf("the Arabic summary does not name the field %q:\n%s", label, summary)
	}

	_, fr := s.ngo("Observatoire tunisien", "TN", "general", "ot@example.org", "fr")
	frID := fr.requestAndSubmit(t, "CoSP11", "general")
	frPage := "/accreditation-requests/" + frID
	r = fr.submit(frPage, frPage+"/delegates", nominee("أمل", "", "N7654321"))
	r.wantStatus(t, http.StatusUnprocessableEntity)
	summary = summaryOf(t, r.body)
	for _, key := range []string{"field.del_given_name", "field.del_family_name"} {
		if want := i18n.Builtin().T("fr", key, nil) + "\u202f: "; !strings.Contains(summary, want) {
			t.Errorf("the French summary lacks %q:\n%s", want, summary)
		}
	}
}

// summaryOf is the text of a page's error summary.
func summaryOf(t *testing.T, body string) string {
	t.Helper()
	i := strings.Index(body, `class="error-summary"`)
	if i < 0 {
		t.Fatalf("no error summary:\n%s", excerpt(body))
	}
	end := strings.Index(body[i:], "</div>")
	return html.UnescapeString(body[i : i+end])
}

// TestNavigationAndHintsSayWhatTheyMean: the secretariat's conference
// desk is not named like the conferences in any language, and the reply
// form does not say that only the objecting State reads a reply.
func TestNavigationAndHintsSayWhatTheyMean(t *testing.T) {
	cat := i18n.Builtin()
	for _, l := range i18n.Locales {
		if cat.T(l, "nav.conference_desk", nil) == cat.T(l, "nav.conferences", nil) {
			t.Errorf("%s: the conference desk and the conferences are both %q", l, cat.T(l, "nav.conferences", nil))
		}
	}
	if hint := cat.T("en", "objections.reply_text_hint", nil); !strings.Contains(hint, "Every State party") {
		t.Errorf("the reply hint: %q", hint)
	}
}

// TestDirectoryFindsArabicWordsWithTheirParticles: "النزاهة" finds a
// name that writes "للنزاهة" (li + al), and the other way round.
func TestDirectoryFindsArabicWordsWithTheirParticles(t *testing.T) {
	s := newSite(t, storetest.SQLite(t))
	s.addMember("الشبكة الأردنية للنزاهة", "Jordanian Integrity Network", "JIN", "JO")
	s.addMember("جمعية النزاهة والشفافية", "Integrity and Transparency Society", "ITS", "LB")
	s.addMember("Kenya Integrity Forum", "Kenya Integrity Forum", "KIF", "KE")
	b := s.browser("ar")
	for _, q := range []string{"النزاهة", "للنزاهة", "نزاهة", "بالنزاهه"} {
		r := b.get("/directory?q=" + urlq(q))
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, "الشبكة الأردنية للنزاهة", "جمعية النزاهة والشفافية")
		r.wantLacks(t, "Kenya Integrity Forum")
	}
	// Every word must match: the two words of one name find it alone.
	r := b.get("/directory?q=" + urlq("الشبكة النزاهة"))
	r.wantContains(t, "الشبكة الأردنية للنزاهة")
	r.wantLacks(t, "جمعية النزاهة والشفافية")
}

// TestMembershipPagesAfterApproval: a coordinator does not find a draft
// by its address; once approved, "My application" no longer offers to
// apply, and the member's membership page has a timeline.
func TestMembershipPagesAfterApproval(t *testing.T) {
	s := newMemberSite(t, storetest.SQLite(t))
	coord, coordActor := s.staff(accord.RoleCoordinator, "en", "MENA")
	_, draft := s.draftFor("en", "EG")
	coord.get("/applications/"+draft.app.ID).wantStatus(t, http.StatusNotFound)

	a := s.submittedApplication("جمعية الشفافية", "Transparency Society", "EG", "en")
	coord.get("/applications/"+a.app.ID).wantStatus(t, http.StatusOK)
	s.fire(coordActor, a.app.ID, "claim", "")
	s.fire(coordActor, a.app.ID, "approve", "Welcome.")

	b := s.browser("en")
	b.signIn(a.email)
	r := b.get("/application")
	r.wantStatus(t, http.StatusOK)
	r.wantContains(t, "Your organisation is a member")
	r.wantLacks(t, "Apply for membership")
	r = b.get(r.find(t, `href="(/memberships/[0-9a-f-]{36})"`))
	r.wantContains(t, "Membership began")
	r.wantLacks(t, i18n.Builtin().T("en", "timeline.empty", nil))
}

// TestRegistrationShowsEveryErrorAtOnce: a missing name, an address that
// is not one, and passwords that differ are all named in the first
// answer, not one round after another.
func TestRegistrationShowsEveryErrorAtOnce(t *testing.T) {
	s := newSite(t, storetest.SQLite(t))
	b := s.browser("en")
	r := b.submit("/register", "/register", url.Values{
		"name": {""}, "email": {"not-an-address"}, "password": {"short"}, "password_confirm": {"different"},
	})
	r.wantStatus(t, http.StatusUnprocessableEntity)
	cat := i18n.Builtin()
	summary := summaryOf(t, r.body)
	for _, key := range []string{"err.required", "err.email_invalid", "err.password_mismatch", "err.password_short"} {
		want := cat.T("en", key, i18n.Args{"min": 10})
		if !strings.Contains(summary, want) {
			t.Errorf("the first answer lacks %q (%s):\n%s", want, key, summary)
		}
	}
}

// TestFormsHelpOnSlowConnections: the upload form tells its script the
// largest file and the words to refuse a larger one with, before sending
// it; a page answering a form with an error names the page the form was
// on, so that reloading it does not send the form again.
func TestFormsHelpOnSlowConnections(t *testing.T) {
	s := newMemberSite(t, storetest.SQLite(t))
	b, a := s.draftFor("fr", "SN")
	path := "/applications/" + a.app.ID
	r := b.get(path)
	tooLarge := html.EscapeString(i18n.Builtin().T("fr", "err.file_too_large", nil))
	r.wantContains(t, `data-max-bytes="10485760"`, `data-too-large="`+tooLarge+`"`, `src="/static/forms.`)
	b.get(r.find(t, `src="(/static/forms\.[^"]+)"`)).wantContains(t, "upload.addEventListener", "replaceState")

	// A motivation refused, sent from the application's page.
	form := url.Values{"motivation": {strings.Repeat("x", 20000)}, "version": {"1"}, "csrf_token": {b.CSRFToken(path)}}
	got := page(b.PostFrom(path+"?notice=x", path+"/motivation", form))
	if got.StatusCode < 400 {
		t.Fatalf("the refused motivation answered %d", got.StatusCode)
	}
	got.wantContains(t, `<body data-page-url="`+path+`?notice=x">`)
	// Without a page of this site to return to, nothing is claimed.
	page(b.PostFrom("https://elsewhere.example/x", path+"/motivation", form)).wantLacks(t, "data-page-url")
}

// TestRefusedFormLeadsToAnAddressThatReloadsSafely: a form refused with
// an error page is sent on to /errors/<status>, which shows the page with
// its status and a way back, and which reloads without sending the form.
func TestRefusedFormLeadsToAnAddressThatReloadsSafely(t *testing.T) {
	s := newMemberSite(t, storetest.SQLite(t))
	b, a := s.draftFor("en", "EG")
	path := "/applications/" + a.app.ID
	gone := "/applications/00000000-0000-4000-8000-000000000000/motivation"
	form := url.Values{"motivation": {"Text"}, "version": {"1"}, "csrf_token": {b.CSRFToken(path)}}
	r := page(b.PostFrom(path, gone, form))
	r.wantRedirect(t, "/errors/404?")
	to := r.Header.Get("Location")
	for range 2 { // and again, as a reload does
		e := b.get(to)
		e.wantStatus(t, http.StatusNotFound)
		e.wantContains(t, i18n.Builtin().T("en", "error.404_title", nil), `href="`+path+`"`, "Back to the page you were on")
	}
	// Without a page of this site behind it, the error is shown where it
	// happens, as before.
	page(b.Post(gone, form)).wantStatus(t, http.StatusNotFound)
	// The way back never leads off the site.
	b.get("/errors/409?back=//evil.example/x").wantLacks(t, `href="//evil.example`)
	b.get("/errors/200").wantStatus(t, http.StatusNotFound)
}
