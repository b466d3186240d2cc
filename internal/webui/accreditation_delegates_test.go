package webui_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// nominee is the nomination form filled for one person.
func nominee(given, family, passport string) url.Values {
	return url.Values{
		"del_given_name": {given}, "del_family_name": {family},
		"del_given_name_original": {"أمل"}, "del_family_name_original": {"حداد"},
		"del_title": {"Ms"}, "del_organization_role": {"Director"}, "del_gender": {"female"},
		"del_nationality": {"TN"}, "del_passport_number": {passport}, "del_passport_expiry": {"2031-01-31"},
		"del_email": {strings.ToLower(given) + "@example.org"}, "del_needs_visa_letter": {"on"},
	}
}

// TestDelegatesBadgesAndTheDoor: the NGO nominates delegates with every
// field, within the conference's maximum, and never sees a passport
// number again; the secretariat confirms and issues a badge; the badge's
// QR code and token are on the NGO's page; the verification page says
// valid or not, in the visitor's language; the door checks a badge in
// once.
func TestDelegatesBadgesAndTheDoor(t *testing.T) {
	onEngines(t, newAccSite, func(t *testing.T, s *accSite) {
		nom := s.nominating(t, "en", "en", 2)
		sec, org, ngo, id, page := nom.sec, nom.org, nom.ngo, nom.id, nom.page

		// A name not in Latin letters is refused beside its field; what
		// was typed stays, except the passport number.
		bad := nominee("أمل", "Haddad", "N7654321")
		r := ngo.submit(page, page+"/delegates", bad)
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, `id="f-del_given_name-error"`, "Write it in Latin letters", `value="Haddad"`, `value="Director"`,
			`<option value="TN" selected>`)
		r.wantLacks(t, "N7654321")

		ngo.submit(page, page+"/delegates", nominee("Amal", "Haddad", "N1234567")).
			wantRedirect(t, page+"?notice=acc_delegate_nominated")
		r = ngo.get(page)
		r.wantContains(t, "Amal Haddad", "أمل حداد", "ends in 567", "Tunisia", "Female", "31 January 2031", "1 of 2 places taken.")
		r.wantLacks(t, "N1234567")
		ngo.submit(page, page+"/delegates", nominee("Sami", "Ben Salah", "K7654321")).wantRedirect(t, page)
		// Both places taken: the form is gone, and a third is refused.
		r = ngo.get(page)
		r.wantContains(t, "2 of 2 places taken.", "Every place is taken.")
		r.wantLacks(t, `action="`+page+`/delegates"`)
		r = ngo.submit(page, page+"/delegates", nominee("Third", "Person", "P1111111"))
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, "Every place for delegates is taken: cancel or replace a delegate first.")

		// Sami is replaced by Leila in one step: still two places taken.
		sami := delegateOn(t, ngo.get(page), "Ms Sami Ben Salah")
		form := ngo.get("/delegates/" + sami + "/replace")
		form.wantContains(t, "Nominate the person who takes the place of Sami Ben Salah.")
		replacement := nominee("Leila", "Trabelsi", "L1234567")
		replacement.Set("version", form.find(t, `name="version" value="(\d+)"`))
		replacement.Set("event", "replace")
		// A nomination missing a name is shown again on the replacement's form.
		incomplete := nominee("", "Trabelsi", "L1234567")
		incomplete.Set("version", replacement.Get("version"))
		incomplete.Set("event", "replace")
		r = ngo.submit("/delegates/"+sami+"/replace", "/delegates/"+sami+"/transitions", incomplete)
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, "Nominate the person who takes the place of Sami Ben Salah.")
		ngo.submit("/delegates/"+sami+"/replace", "/delegates/"+sami+"/transitions", replacement).
			wantRedirect(t, page+"?notice=acc_delegate_replaced")
		r = ngo.get(page)
		r.wantContains(t, "Leila Trabelsi", "Replaced", "2 of 2 places taken.")
		// Leila's nomination is cancelled: a place is free again.
		leila := delegateOn(t, r, "Ms Leila Trabelsi")
		// Cancelling cannot be undone: the form leads to a page that says
		// so and asks again; nothing changes until that page's form is sent.
		cancel := url.Values{"event": {"cancel"}, "version": {versionIn(t, r, "/delegates/"+leila+"/transitions", "cancel")}}
		ask := ngo.submit(page, "/delegates/"+leila+"/transitions", cancel)
		ask.wantRedirect(t, "/delegates/"+leila+"/confirm?")
		confirmPage := ngo.get(ask.Header.Get("Location"))
		confirmPage.wantStatus(t, http.StatusOK)
		confirmPage.wantContains(t, "cannot be undone", `name="confirm" value="on"`, `href="`+page+`#delegate-`+leila+`"`)
		ngo.get(page).wantContains(t, "2 of 2 places taken.")
		cancel.Set("confirm", "on")
		ngo.submit(ask.Header.Get("Location"), "/delegates/"+leila+"/transitions", cancel).
			wantRedirect(t, page+"?notice=acc_nomination_cancelled")
		ngo.get(page+"?notice=acc_nomination_cancelled").wantContains(t, "Nomination cancelled.")
		ngo.get(page).wantContains(t, "1 of 2 places taken.", "Cancelled", `action="`+page+`/delegates"`)

		// Badges wait for accreditation; then the secretariat confirms
		// and issues Amal's.
		amal := delegateOn(t, ngo.get(page), "Ms Amal Haddad")
		sec.get(page).wantContains(t, `action="/delegates/`+amal+`/transitions"`, `value="confirm"`)
		sec.fire(t, "/screening", id, "admit_ecosoc", "", "screening").wantRedirect(t, "/screening")
		for _, event := range []string{"confirm", "issue_badge"} {
			sec.fireAt(t, page, "/delegates/"+amal+"/transitions", event, url.Values{}).
				wantRedirect(t, page+"?notice=acc_delegate_updated")
		}

		// The NGO sees the badge: its QR code and its token.
		r = ngo.get(page)
		r.wantContains(t, "Badge issued", `src="/delegates/`+amal+`/badge.png"`)
		token := r.find(t, `<code class="token" dir="ltr">([^<]+)</code>`)
		png := ngo.get("/delegates/" + amal + "/badge.png")
		png.wantStatus(t, http.StatusOK)
		if png.Header.Get("Content-Type") != "image/png" || !strings.HasPrefix(png.body, "\x89PNG") {
			t.Errorf("badge.png: %s", png.Header.Get("Content-Type"))
		}
		s.browser("en").get("/delegates/"+amal+"/badge.png").wantRedirect(t, "/login")

		// Anyone verifies the badge, in their language; a forged one is
		// not valid.
		r = s.browser("ar").get("/verify/" + token)
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, `<html lang="ar" dir="rtl">`, "شارة صالحة", "Amal Haddad", "Tunisian Integrity Watch", "مؤتمر CoSP11", "ليس بعد")
		forged := token[:len(token)-4] + "AAAA"
		if forged == token {
			forged = token[:len(token)-4] + "BBBB"
		}
		r = s.browser("ar").get("/verify/" + forged)
		r.wantContains(t, `dir="rtl"`, "هذه الشارة غير صالحة")
		r.wantLacks(t, "Amal Haddad")
		// A scanner asking for JSON gets docs/api.md's fields.
		req, _ := http.NewRequest(http.MethodGet, s.url+"/verify/"+token, nil)
		req.Header.Set("Accept", "application/json")
		js := s.browser("en").do(req)
		var v struct {
			Valid    bool `json:"valid"`
			Delegate struct {
				GivenName string `json:"given_name"`
			} `json:"delegate"`
			Organization string `json:"organization"`
			Conference   string `json:"conference"`
			CheckedIn    bool   `json:"checked_in"`
		}
		if err := json.Unmarshal([]byte(js.body), &v); err != nil || !v.Valid || v.Delegate.GivenName != "Amal" ||
			v.Organization != org.NameEN || v.Conference != "CoSP11" || v.CheckedIn {
			t.Errorf("verify as JSON: %v %s", err, js.body)
		}

		// The door: only the secretariat; a scan checks in once.
		ngo.get("/checkin").wantStatus(t, http.StatusForbidden)
		r = sec.get("/checkin")
		r.wantContains(t, `id="f-token"`, `autofocus`, `/static/checkin.`, `id="camera-start" hidden`)
		scanned := "http://localhost:8080/verify/" + token // what the QR code holds
		r = sec.submit("/checkin", "/checkin", url.Values{"token": {scanned}})
		r.wantStatus(t, http.StatusCreated)
		r.wantContains(t, "Checked in", "Amal Haddad", "Tunisian Integrity Watch")
		r = sec.submit("/checkin", "/checkin", url.Values{"token": {token}})
		r.wantStatus(t, http.StatusConflict)
		r.wantContains(t, "Already checked in", "Amal Haddad")
		r = sec.submit("/checkin", "/checkin", url.Values{"token": {forged}})
		r.wantStatus(t, http.StatusUnprocessableEntity)
		r.wantContains(t, "Not a valid badge")
		s.browser("fr").get("/verify/"+token).wantContains(t, "Badge valide", "Oui, le ")
		ngo.get(page).wantContains(t, "Checked in")

		// Nominations close at the cut-off: the form is gone.
		s.clock.Advance(111 * 24 * time.Hour)
		ngo.get(page).wantLacks(t, `action="`+page+`/delegates"`)
	})
}
