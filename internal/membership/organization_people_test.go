package membership_test

import (
	"context"
	"net/http"
	"regexp"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

var invitationLinkRE = regexp.MustCompile(`/invitations/([A-Za-z0-9_-]+)`)

// TestColleagueInvitedIntoOrganization: the staff of an organisation
// invite a colleague, who joins that organisation (no duplicate) and works
// on it; an outsider can neither invite nor see its people; removing the
// colleague ends their sessions at once.
func TestColleagueInvitedIntoOrganization(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		owner := e.applicant("fr")
		org := e.organization(owner, profile("Transparence Sénégal", "Transparency Senegal", "SN"))
		outsider := e.applicant("en")
		e.organization(outsider, profile("Other NGO", "Other NGO", "KE"))
		coordinatorElsewhere := e.staff(accord.RoleCoordinator, "MENA")
		secretariat := e.staff(accord.RoleSecretariat)

		invite := map[string]string{"email": "Awa@ngo.example", "name": "Awa Diop"}
		path := "/organizations/" + org.ID + "/invitations"
		e.do("POST", path, outsider, invite).problem(t, http.StatusNotFound)
		e.do("POST", path, coordinatorElsewhere, invite).problem(t, http.StatusNotFound)
		var inv auth.OrganizationInvitation
		e.do("POST", path, owner, invite).want(t, http.StatusCreated).decode(t, &inv)
		if inv.Email != "awa@ngo.example" || inv.Name != "Awa Diop" {
			t.Fatalf("invitation %+v", inv)
		}
		// The secretariat may invite too; an address with an account gets
		// the same answer and no second account.
		var again auth.OrganizationInvitation
		e.do("POST", path, secretariat, invite).want(t, http.StatusCreated).decode(t, &again)
		if n := e.count("users", "email = ?", "awa@ngo.example"); n != 1 {
			t.Fatalf("%d accounts for the invited address", n)
		}

		var body string
		err := e.db.WithContext(context.Background()).Table("messages").
			Where("template = ? AND to_email = ?", "organization_invitation", "awa@ngo.example").Pluck("body", &body).Error
		if err != nil || body == "" {
			t.Fatalf("no invitation mail: %v", err)
		}
		m := invitationLinkRE.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no link in the invitation: %s", body)
		}
		e.do("POST", "/auth/accept-invitation", nil, map[string]string{"token": m[1], "password": "awa's own password"}).
			want(t, http.StatusNoContent)
		colleague := &user{Token: e.Login("awa@ngo.example", "awa's own password"), Role: accord.RoleApplicant}
		var me auth.User
		e.do("GET", "/me", colleague, nil).want(t, http.StatusOK).decode(t, &me)
		if me.OrganizationID == nil || *me.OrganizationID != org.ID {
			t.Fatalf("the colleague belongs to %v; want %s", me.OrganizationID, org.ID)
		}
		colleague.ID = me.ID
		e.do("GET", "/organizations/"+org.ID, colleague, nil).want(t, http.StatusOK)
		if n := e.count("organizations", "1 = 1"); n != 2 {
			t.Fatalf("%d organisations; the colleague must not have made another", n)
		}

		var people struct{ Items []auth.Person }
		e.do("GET", "/organizations/"+org.ID+"/people", colleague, nil).want(t, http.StatusOK).decode(t, &people)
		if len(people.Items) != 2 {
			t.Fatalf("people %+v", people.Items)
		}
		e.do("GET", "/organizations/"+org.ID+"/people", outsider, nil).problem(t, http.StatusNotFound)
		e.do("DELETE", "/organizations/"+org.ID+"/people/"+me.ID, outsider, nil).problem(t, http.StatusNotFound)

		e.do("DELETE", "/organizations/"+org.ID+"/people/"+me.ID, owner, nil).want(t, http.StatusNoContent)
		e.do("GET", "/me", colleague, nil).problem(t, http.StatusUnauthorized)
		e.do("GET", "/organizations/"+org.ID+"/people", owner, nil).want(t, http.StatusOK).decode(t, &people)
		if len(people.Items) != 1 {
			t.Fatalf("after removal: %+v", people.Items)
		}
	})
}

// TestRegisteredTwinAsksForInvitation: registering an organisation whose
// country and registration number are already on Accord points the person
// to an invitation instead of creating a duplicate.
func TestRegisteredTwinAsksForInvitation(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		first := profile("Transparence Sénégal", "Transparency Senegal", "SN")
		first["registration_number"] = "SN-2005-0042"
		e.organization(e.applicant("fr"), first)

		twin := profile("Transparence Sénégal (bureau de Thiès)", "Transparency Senegal Thies", "SN")
		twin["registration_number"] = "sn 2005 / 0042"
		colleague := e.applicant("fr")
		p := e.do("POST", "/organizations", colleague, twin).problem(t, http.StatusUnprocessableEntity)
		if !hasField(p, "registration_number") {
			t.Fatalf("problem %+v; want one on registration_number", p)
		}
		if n := e.count("organizations", "country = ?", "SN"); n != 1 {
			t.Fatalf("%d Senegalese organisations; want no duplicate", n)
		}
		// The same number in another country is another organisation.
		twin["country"] = "CI"
		e.organization(colleague, twin)
	})
}
