package accreditation_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
)

// TestDeskNotifications: the secretariat is told of a new request, a
// nomination and a reply to an objection, each in its own language; an
// officer who chose a daily digest gets one message a day carrying them
// all instead.
func TestDeskNotifications(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		each := e.secretariat()
		daily := e.person(accord.RoleSecretariat, "", "", "ar")
		confID := e.conference(each, "NOTE", 3).str("id")
		e.call(daily, "PUT", "/desk/digest", obj{"daily": true}, http.StatusOK)
		if got := e.call(daily, "GET", "/desk/digest", nil, http.StatusOK); got["daily"] != true {
			t.Fatalf("digest choice = %v", got)
		}
		e.problem(e.ngo("Nobody", "KE", "AFR", "none"), "PUT", "/desk/digest", obj{"daily": true}, http.StatusForbidden, "")

		ngo := e.deskNGO("الشبكة العربية للنزاهة", "Arab Network for Integrity", "JO", "general")
		req := e.submitted(ngo, confID).str("id")
		e.fire(each, "/accreditation-requests/"+req, "admit_ecosoc", "", http.StatusOK)
		e.call(ngo, "POST", "/accreditation-requests/"+req+"/delegates", nominee("Amira", "Haddad", ""), http.StatusCreated)

		var told []string
		for _, m := range e.Messages(each.ID) {
			if m.Template == "notice" {
				told = append(told, m.Subject)
			}
		}
		if len(told) != 2 || !strings.Contains(told[0], "submitted a request") || !strings.Contains(told[1], "nominated a delegate") {
			t.Errorf("the officer taking each message was told %q", told)
		}
		if n := e.count("messages", "user_id = ? AND template = ?", daily.ID, "notice"); n != 0 {
			t.Fatalf("the officer taking a digest got %d messages at once", n)
		}
		// Not a day yet since the choice: nothing goes out.
		e.tick()
		if n := e.count("messages", "user_id = ? AND template = ?", daily.ID, "notice"); n != 0 {
			t.Fatalf("a digest went out within the day: %d", n)
		}
		e.Clock.Advance(25 * time.Hour)
		e.tick()
		e.tick()
		ms := e.Messages(daily.ID)
		if len(ms) != 1 || ms[0].Locale != "ar" || !strings.Contains(ms[0].Subject, "(2)") ||
			!strings.Contains(ms[0].Body, "رشّحت") || !strings.Contains(ms[0].Body, "/accreditation-requests/"+req) {
			t.Fatalf("digest: %d messages, first %+v", len(ms), ms)
		}
		if n := e.count("desk_notices", "sent_at IS NULL"); n != 0 {
			t.Errorf("%d notices still waiting after the digest", n)
		}
	})
}
