package accreditation_test

import (
	"net/http"
	"sync"
	"testing"
)

// TestSamePassportOncePerConference: the same passport number, however
// spaced or cased, is nominated once per conference — one after the other
// and at once, on one request and on two organisations' requests: one 201,
// the others 409 naming passport_number. Another conference takes it, and
// so does this one once the delegate is cancelled.
func TestSamePassportOncePerConference(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		f := e.rivals()
		a, b, ra, rb := f.a, f.b, f.ra, f.rb
		c2 := e.conference(f.sec, "C2", 5).str("id")

		// One after the other.
		first := e.call(a, "POST", delegatesOf(ra), nominee("Amal", "Haddad", "N1234567"), http.StatusCreated).str("id")
		e.problem(a, "POST", delegatesOf(ra), nominee("Amal", "Haddad", "n 1234 567"), http.StatusConflict, "passport_number")
		e.problem(b, "POST", delegatesOf(rb), nominee("Amal", "Haddad", "N1234567"), http.StatusConflict, "passport_number")

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
				statuses <- e.do(send.u, "POST", delegatesOf(send.r), nominee("Omar", "Saleh", "P7654321")).status
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
		e.call(a, "POST", delegatesOf(e.submitted(a, c2).str("id")), nominee("Amal", "Haddad", "N1234567"), http.StatusCreated)
		e.fire(a, "/delegates/"+first, "cancel", "", http.StatusOK)
		e.call(b, "POST", delegatesOf(rb), nominee("Amal", "Haddad", "N1234567"), http.StatusCreated)
	})
}
