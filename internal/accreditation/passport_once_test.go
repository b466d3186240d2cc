package accreditation_test

import (
	"net/http"
	"sync"
	"testing"

	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestSamePassportOncePerConference: the same passport number, however
// spaced or cased, is nominated once per conference — one after the other
// and at once, on one request and on two organisations' requests: one 201,
// the others 409 naming passport_number. Another conference takes it, and
// so does this one once the delegate is cancelled.
func TestSamePassportOncePerConference(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		sec := e.secretariat()
		a := e.ngo("Arab Transparency Network", "JO", "MENA", "general")
		b := e.ngo("Other Watch", "PE", "AME", "none")
		c1 := e.conference(sec, "C1", 5).str("id")
		c2 := e.conference(sec, "C2", 5).str("id")
		ra := e.submitted(a, c1).str("id")
		rb := e.submitted(b, c1).str("id")
		path := func(r string) string { return "/accreditation-requests/" + r + "/delegates" }

		// One after the other.
		first := e.call(a, "POST", path(ra), nominee("Amal", "Haddad", "N1234567"), http.StatusCreated).str("id")
		e.problem(a, "POST", path(ra), nominee("Amal", "Haddad", "n 1234 567"), http.StatusConflict, "passport_number")
		e.problem(b, "POST", path(rb), nominee("Amal", "Haddad", "N1234567"), http.StatusConflict, "passport_number")

		// At once, from both organisations and twice from one.
		statuses := make(chan int, 3)
		var wg sync.WaitGroup
		for _, send := range []struct {
			u *user
			r string
		}{{a, ra}, {a, ra}, {b, rb}} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses <- e.do(send.u, "POST", path(send.r), nominee("Omar", "Saleh", "P7654321")).status
			}()
		}
		wg.Wait()
		close(statuses)
		count := map[int]int{}
		for s := range statuses {
			count[s]++
		}
		if count[http.StatusCreated] != 1 || count[http.StatusConflict] != 2 {
			t.Errorf("three nominations of one passport at once: %v, want one 201 and two 409", count)
		}
		if n := e.count("delegates", "passport_hint = ?", "321"); n != 1 {
			t.Errorf("%d delegates with that passport, want 1", n)
		}

		// Another conference is another matter; a cancelled delegate frees it.
		e.call(a, "POST", path(e.submitted(a, c2).str("id")), nominee("Amal", "Haddad", "N1234567"), http.StatusCreated)
		e.fire(a, "/delegates/"+first, "cancel", "", http.StatusOK)
		e.call(b, "POST", path(rb), nominee("Amal", "Haddad", "N1234567"), http.StatusCreated)
	})
}
