package webui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestVisaLettersOnTheRequestPage: the secretariat, in French, generates
// a delegate's visa letter from the request page in the language it
// picks, the page's by default, and downloads the PDF; the applicants of
// the organisation download it too, another organisation's get a 404;
// refusals show beside the delegate in the reader's language; a delegate
// who asked for no letter gets no button.
func TestVisaLettersOnTheRequestPage(t *testing.T) {
	onEngines(t, newAccSite, func(t *testing.T, s *accSite) {
		nom := s.nominating(t, "fr", "en", 3)
		sec, ngo, id, page := nom.sec, nom.ngo, nom.id, nom.page
		_, other := s.ngo("Kenya Watch", "KE", "general", "kw@example.org", "en")

		ngo.submit(page, page+"/delegates", nominee("Amal", "Haddad", "N1234567")).wantRedirect(t, page)
		noVisa := nominee("Sami", "Ben Salah", "K7654321")
		noVisa.Del("del_needs_visa_letter")
		ngo.submit(page, page+"/delegates", noVisa).wantRedirect(t, page)
		ngo.submit(page, page+"/delegates", nominee("Nour", "Jaziri", "J1234567")).wantRedirect(t, page)
		r := ngo.get(page)
		amal, sami, nour := delegateOn(t, r, "Ms Amal Haddad"), delegateOn(t, r, "Ms Sami Ben Salah"), delegateOn(t, r, "Ms Nour Jaziri")
		form := func(d string) string { return `action="/delegates/` + d + `/visa-letter"` }
		pdf := func(d string) string { return `href="/delegates/` + d + `/visa-letter.pdf"` }

		// Before accreditation no letter is offered; one asked for anyway
		// is refused beside the delegate, in French.
		sec.get(page).wantLacks(t, form(amal), form(sami), form(nour))
		r = sec.submit(page, "/delegates/"+amal+"/visa-letter", url.Values{"locale": {"fr"}})
		r.wantStatus(t, http.StatusConflict)
		r.wantContains(t, "Une lettre de visa ne peut être générée", `id="f-`+amal+`-visa_letter-letter-error"`)

		// Accredited, Amal confirmed: her letter is offered, its language
		// the page's; Nour waits for confirmation; Sami asked for none.
		sec.fire(t, "/screening", id, "admit_ecosoc", "", "screening").wantRedirect(t, "/screening")
		sec.fireAt(t, page, "/delegates/"+amal+"/transitions", "confirm", url.Values{}).wantRedirect(t, page)
		r = sec.get(page)
		r.wantContains(t, form(amal), `name="locale"`, `<option value="fr" selected>`, `<option value="ar" lang="ar">العربية</option>`,
			"Générer la lettre de visa", "La lettre pourra être générée une fois le délégué confirmé.")
		r.wantLacks(t, form(sami), form(nour), pdf(amal))
		if strings.Count(r.body, `name="locale"`) != 1 {
			t.Errorf("want one letter form, for Amal alone")
		}
		ngo.get(page).wantLacks(t, form(amal), pdf(amal))

		// Refusals beside the delegate: Nour is not confirmed yet, Sami
		// asked for no letter.
		r = sec.submit(page, "/delegates/"+nour+"/visa-letter", url.Values{"locale": {"fr"}})
		r.wantStatus(t, http.StatusConflict)
		r.wantContains(t, `id="f-`+nour+`-visa_letter-letter-error"`, "Confirmez le délégué avant de générer la lettre de visa.")
		r = sec.submit(page, "/delegates/"+sami+"/visa-letter", url.Values{"locale": {"fr"}})
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, `id="f-`+sami+`-visa_letter-letter-error"`, "pas demandé de lettre")
		r.wantLacks(t, form(sami))
		// The applicant may not write letters; nor learn of another
		// organisation's delegates.
		ngo.submit(page, "/delegates/"+amal+"/visa-letter", url.Values{"locale": {"en"}}).wantStatus(t, http.StatusForbidden)
		other.submit("/accreditation", "/delegates/"+amal+"/visa-letter", url.Values{"locale": {"en"}}).wantStatus(t, http.StatusNotFound)

		// The secretariat writes Amal's letter in Arabic and downloads it.
		sec.submit(page, "/delegates/"+amal+"/visa-letter", url.Values{"locale": {"ar"}}).
			wantRedirect(t, page+"?notice=acc_visa_letter_generated#delegate-"+amal)
		r = sec.get(page + "?notice=acc_visa_letter_generated")
		r.wantContains(t, "La lettre d&#39;appui pour le visa a été générée.", pdf(amal),
			"Télécharger la lettre de visa (PDF)", `<span lang="ar">العربية</span>`, "Générer une nouvelle lettre de visa")
		wantPDF(t, sec.get("/delegates/"+amal+"/visa-letter.pdf"))

		// The organisation's applicant downloads it; another's cannot,
		// nor can anyone signed out.
		r = ngo.get(page)
		r.wantContains(t, pdf(amal), "Download visa letter (PDF)")
		r.wantLacks(t, form(amal), pdf(sami), pdf(nour))
		wantPDF(t, ngo.get("/delegates/"+amal+"/visa-letter.pdf"))
		other.get("/delegates/"+amal+"/visa-letter.pdf").wantStatus(t, http.StatusNotFound)
		s.browser("en").get("/delegates/"+amal+"/visa-letter.pdf").wantRedirect(t, "/login")
		// Nour has no letter to download: a 404 page, not an empty file.
		ngo.get("/delegates/"+nour+"/visa-letter.pdf").wantStatus(t, http.StatusNotFound)
	})
}

// wantPDF checks that r is a PDF sent as an attachment and kept by no
// cache.
func wantPDF(t *testing.T, r response) {
	t.Helper()
	r.wantStatus(t, http.StatusOK)
	if ct := r.Header.Get("Content-Type"); ct != "application/pdf" {
		t.Errorf("Content-Type %q, want application/pdf", ct)
	}
	if !strings.HasPrefix(r.body, "%PDF") {
		t.Errorf("the letter does not start with %%PDF: %q", r.body[:min(len(r.body), 20)])
	}
	if cd := r.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") {
		t.Errorf("Content-Disposition %q, want an attachment", cd)
	}
	if cc := r.Header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("Cache-Control %q, want no-store", cc)
	}
}
