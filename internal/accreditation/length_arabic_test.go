package accreditation_test

import (
	"net/http"
	"testing"

	"github.com/accord-coalition/accord/internal/testenv"
)

// TestLimitsCountCharacters: every limit the API states in characters
// counts characters, not bytes. Arabic text over half of the limit — over
// the limit in bytes — is accepted; one character over the limit is
// refused with a field error.
func TestLimitsCountCharacters(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sec := e.secretariat()
		france := e.state("FR", "fr")
		ngo := e.ngo("Arab Transparency Network", "JO", "MENA", "general")

		// Conference title: 500 characters.
		conf := e.conference(sec, "AR1", 3)
		confID := conf.str("id")
		e.call(sec, "PATCH", "/conferences/"+confID, obj{"title": testenv.Arabic(300), "version": conf.num("version")}, http.StatusOK)
		e.problem(sec, "PATCH", "/conferences/"+confID, obj{"title": testenv.Arabic(501)}, http.StatusUnprocessableEntity, "title")

		// Request motivation: 10,000 characters.
		e.problem(ngo, "POST", "/conferences/"+confID+"/accreditation-requests",
			obj{"organization_id": ngo.OrgID, "motivation": testenv.Arabic(10001)}, http.StatusUnprocessableEntity, "motivation")
		r := e.call(ngo, "POST", "/conferences/"+confID+"/accreditation-requests",
			obj{"organization_id": ngo.OrgID, "motivation": testenv.Arabic(6000)}, http.StatusCreated)
		if got := len([]rune(r.str("motivation"))); got != 6000 {
			t.Fatalf("the motivation kept %d characters, want 6000", got)
		}
		req := "/accreditation-requests/" + r.str("id")
		e.fire(ngo, req, "submit", "", http.StatusOK)
		e.fire(sec, req, "clear", "", http.StatusOK)
		e.call(sec, "POST", "/conferences/"+confID+"/circulations", nil, http.StatusCreated)

		// Objection grounds and replies: 20,000 characters.
		e.problem(france, "POST", req+"/objections", obj{"grounds": testenv.Arabic(20001)}, http.StatusUnprocessableEntity, "grounds")
		o := e.call(france, "POST", req+"/objections", obj{"grounds": testenv.Arabic(12000)}, http.StatusCreated).str("id")
		e.problem(ngo, "POST", "/objections/"+o+"/replies", obj{"text": testenv.Arabic(20001)}, http.StatusUnprocessableEntity, "text")
		e.call(ngo, "POST", "/objections/"+o+"/replies", obj{"text": testenv.Arabic(12000)}, http.StatusCreated)

		// Delegates' names in their original script, title and role: 200
		// characters each.
		_, reqID := e.AccreditedRequest(sec, ngo, ngo.OrgID)
		admitted := "/accreditation-requests/" + reqID
		long := nominee("Amal", "Haddad", "")
		long["given_name_original"], long["family_name_original"] = testenv.Arabic(150), testenv.Arabic(150)
		long["title"], long["organization_role"] = testenv.Arabic(150), testenv.Arabic(150)
		e.call(ngo, "POST", admitted+"/delegates", long, http.StatusCreated)
		over := nominee("Omar", "Saleh", "")
		over["family_name_original"] = testenv.Arabic(201)
		e.problem(ngo, "POST", admitted+"/delegates", over, http.StatusUnprocessableEntity, "family_name_original")
	})
}
