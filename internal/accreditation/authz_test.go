package accreditation_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
)

// TestAuthorizationTable runs every operation of the capability as each
// kind of caller and checks the status each gets: a caller who may not
// know an object exists gets 404, one who sees it but may not act 403,
// the public 401 wherever a user is needed. Any other answer — above all
// a 200 where a 404 is due — fails the test.
func TestAuthorizationTable(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sec := e.secretariat()
		france, egypt := e.state("FR", "fr"), e.state("EG", "ar")
		coordinator := e.person(accord.RoleCoordinator, "", "", "en")
		applicant := e.ngo("Arab Transparency Network", "JO", "MENA", "general")
		other := e.ngo("Other Watch", "PE", "AME", "none")

		// Conference 1: the applicant's request circulated, France objecting.
		c1 := e.conference(sec, "C1", 3).str("id")
		r3 := e.submitted(applicant, c1).str("id")
		e.submitted(other, c1)
		e.fire(sec, "/accreditation-requests/"+r3, "clear", "", http.StatusOK)
		e.call(sec, "POST", "/conferences/"+c1+"/circulations", nil, http.StatusCreated)
		o := e.call(france, "POST", "/accreditation-requests/"+r3+"/objections", obj{"grounds": "Grounds."}, http.StatusCreated).str("id")

		// Conference 2: the applicant's request admitted for ECOSOC status,
		// one delegate with a badge.
		_, r2 := e.AccreditedRequest(sec, applicant, applicant.OrgID)
		d := e.badgeIssued(sec, applicant, r2, nominee("Amal", "Haddad", "N1234567"))
		token := e.call(sec, "GET", "/delegates/"+d+"/badge", nil, http.StatusOK).str("token")

		callers := []struct {
			name string
			u    *user
		}{
			{"applicant", applicant}, {"other applicant", other}, {"coordinator", coordinator},
			{"secretariat", sec}, {"objecting State", france}, {"other State", egypt}, {"public", nil},
		}
		const skip = 0
		rows := []struct {
			method, path string
			body         any
			// want is the status per caller, in the order of callers; skip
			// leaves a caller out (an action that would change what later
			// rows check).
			want [7]int
		}{
			{"GET", "/accreditation-requests/" + r3, nil, [7]int{200, 404, 404, 200, 200, 200, 401}},
			{"GET", "/accreditation-requests/" + r2, nil, [7]int{200, 404, 404, 200, 404, 404, 401}},
			{"GET", "/accreditation-requests/" + r3 + "/history", nil, [7]int{200, 404, 404, 200, 200, 200, 401}},
			{"GET", "/accreditation-requests/" + r2 + "/history", nil, [7]int{200, 404, 404, 200, 404, 404, 401}},
			{"GET", "/accreditation-requests/" + r3 + "/objections", nil, [7]int{200, 404, 404, 200, 200, 200, 401}},
			{"GET", "/objections/" + o, nil, [7]int{200, 404, 404, 200, 200, 200, 401}},
			{"POST", "/objections/" + o + "/transitions", obj{"event": "withdraw"}, [7]int{403, 404, 404, 403, skip, 403, 401}},
			{"POST", "/objections/" + o + "/replies", obj{"text": "Our answer."}, [7]int{201, 404, 404, 403, 403, 403, 401}},
			{"POST", "/accreditation-requests/" + r3 + "/objections", obj{"grounds": "Mine too."}, [7]int{403, 404, 404, 403, 409, 201, 401}},
			{"POST", "/accreditation-requests/" + r3 + "/transitions", obj{"event": "conference_admit", "comment": "Ref."}, [7]int{403, 404, 404, 409, 403, 403, 401}},
			{"POST", "/accreditation-requests/" + r3 + "/transitions", obj{"event": "withdraw_objection"}, [7]int{403, 404, 404, 403, skip, skip, 401}},
			{"POST", "/accreditation-requests/" + r2 + "/transitions", obj{"event": "revoke", "comment": "Ref."}, [7]int{403, 404, 404, skip, 404, 404, 401}},
			{"GET", "/conferences/" + c1 + "/circulated", nil, [7]int{403, 403, 403, 200, 200, 200, 401}},
			{"POST", "/conferences/" + c1 + "/circulations", nil, [7]int{403, 403, 403, 422, 403, 403, 401}},
			{"POST", "/conferences/" + c1 + "/accreditation-requests", obj{"organization_id": applicant.OrgID, "motivation": "M"}, [7]int{409, 403, 403, 403, 403, 403, 401}},
			{"GET", "/accreditation-requests/" + r2 + "/delegates", nil, [7]int{200, 404, 404, 200, 404, 404, 401}},
			{"POST", "/accreditation-requests/" + r2 + "/delegates", nominee("Omar", "Saleh", ""), [7]int{201, 404, 404, 403, 404, 404, 401}},
			{"GET", "/delegates/" + d, nil, [7]int{200, 404, 404, 200, 404, 404, 401}},
			{"GET", "/delegates/" + d + "/badge", nil, [7]int{200, 404, 404, 200, 404, 404, 401}},
			{"GET", "/delegates/" + d + "/badge.png", nil, [7]int{200, 404, 404, 200, 404, 404, 401}},
			{"POST", "/delegates/" + d + "/transitions", obj{"event": "confirm"}, [7]int{403, 404, 404, 409, 404, 404, 401}},
			{"GET", "/verify/" + token, nil, [7]int{200, 200, 200, 200, 200, 200, 200}},
			{"POST", "/checkins", obj{"token": token}, [7]int{403, 403, 403, 201, 403, 403, 401}},
			{"GET", "/conferences/" + c1 + "/transparency", nil, [7]int{200, 200, 200, 200, 200, 200, 200}},
			{"POST", "/conferences", obj{"code": "X"}, [7]int{403, 403, 403, 422, 403, 403, 401}},
			{"PATCH", "/conferences/" + c1, obj{"venue": "Doha"}, [7]int{403, 403, 403, 200, 403, 403, 401}},
			{"GET", "/accreditation-requests", nil, [7]int{200, 200, 403, 200, 200, 200, 401}},
		}
		for _, row := range rows {
			for i, c := range callers {
				want := row.want[i]
				if want == skip {
					continue
				}
				r := e.do(c.u, row.method, row.path, row.body)
				if r.status != want {
					t.Errorf("%s %s as %s: %d, want %d: %s", row.method, row.path, c.name, r.status, want, r.body)
				}
				if want == http.StatusNotFound && strings.Contains(string(r.body), "\"state\"") {
					t.Errorf("%s %s as %s: a 404 that shows the object: %s", row.method, row.path, c.name, r.body)
				}
			}
		}

		// Lists are scoped: nothing of another organisation's, and a State
		// sees only what was circulated to it.
		for _, c := range callers[:6] {
			if c.u == coordinator {
				continue
			}
			items := e.call(c.u, "GET", "/accreditation-requests", nil, http.StatusOK).list("items")
			for _, it := range items {
				switch {
				case c.u.Role == accord.RoleApplicant && it.str("organization_id") != c.u.OrgID:
					t.Errorf("%s lists another organisation's request %s", c.name, it.str("id"))
				case c.u.Role == accord.RoleStateParty && it["circulation_id"] == nil:
					t.Errorf("%s lists an uncirculated request %s", c.name, it.str("id"))
				}
			}
			if c.u == sec && len(items) != 3 {
				t.Errorf("the secretariat lists %d requests, want 3", len(items))
			}
			if c.u.Role == accord.RoleStateParty && len(items) != 1 {
				t.Errorf("%s lists %d requests, want the 1 circulated", c.name, len(items))
			}
		}
	})
}

// nominee is a nomination body.
func nominee(given, family, passport string) obj {
	n := obj{"given_name": given, "family_name": family, "nationality": "JO", "needs_visa_letter": true,
		"email": strings.ToLower(given) + "@ngo.example"}
	if passport != "" {
		n["passport_number"] = passport
	}
	return n
}
