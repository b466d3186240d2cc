package webui_test

import (
	"net/http"
	"sync"
	"testing"
)

// TestNominationFormSentTwice: the nomination form sent twice, one after
// the other and at once, lands on the request page each time and leaves one
// delegate; the same passport from another organisation is refused beside
// the passport field.
func TestNominationFormSentTwice(t *testing.T) {
	onEngines(t, newAccSite, func(t *testing.T, s *accSite) {
		nom := s.nominating(t, "en", "en", 5)
		ngo, id, page := nom.ngo, nom.id, nom.page

		ngo.submit(page, page+"/delegates", nominee("Amal", "Haddad", "N1234567")).wantRedirect(t, page)
		ngo.submit(page, page+"/delegates", nominee("Amal", "Haddad", "N1234567")).wantRedirect(t, page)

		form := nominee("Sami", "Ben Salah", "K7654321")
		form.Set("csrf_token", ngo.CSRFToken(page))
		var wg sync.WaitGroup
		statuses := make([]int, 2)
		for i := range statuses {
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses[i] = ngo.post(page+"/delegates", form).StatusCode
			}()
		}
		wg.Wait()
		for _, st := range statuses {
			if st != http.StatusSeeOther {
				t.Errorf("the form sent twice at once: %v, want both to land on the request page", statuses)
			}
		}
		var n int64
		if err := s.db.Gorm.Table("delegates").Where("accreditation_request_id = ?", id).Count(&n).Error; err != nil || n != 2 {
			t.Errorf("%d delegates (%v), want 2", n, err)
		}

		_, other := s.ngo("Other Watch", "TN", "general", "ow@example.org", "en")
		oid := other.requestAndSubmit(t, "CoSP11", "general")
		opage := "/accreditation-requests/" + oid
		r := other.submit(opage, opage+"/delegates", nominee("Amal", "Haddad", "N1234567"))
		r.wantStatus(t, http.StatusConflict)
		r.wantContains(t, `id="f-del_passport_number-error"`)
	})
}
