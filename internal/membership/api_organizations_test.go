package membership_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
)

// TestOrganizationProfile: the region follows the country and cannot be
// set; changes need the version read; one organisation per applicant.
func TestOrganizationProfile(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		u := e.applicant("en")
		body := profile("  Société   Civile  ", "Civil Society", "fr")
		body["uncac_chapters"] = []string{"v", "II", "V"}
		o := e.organization(u, body)
		if o.Name != "Société Civile" || o.Country != "FR" || o.Region != "ECA" || !slices.Equal(o.UNCACChapters, []string{"II", "V"}) {
			t.Fatalf("stored as %q %s %s %v", o.Name, o.Country, o.Region, o.UNCACChapters)
		}
		if o.PossibleDuplicates != nil {
			t.Fatalf("an applicant is shown duplicate warnings: %+v", o.PossibleDuplicates)
		}
		e.do("POST", "/organizations", u, profile("Second", "Second", "FR")).problem(t, http.StatusConflict)

		draft := e.draft(u, o.ID)
		var moved membership.OrganizationView
		e.do("PATCH", "/organizations/"+o.ID, u, map[string]any{"version": o.Version, "country": "SN"}).
			want(t, http.StatusOK).decode(t, &moved)
		if moved.Region != "AFR" || moved.Version != o.Version+1 || moved.City != o.City {
			t.Fatalf("after moving: %s v%d city %q", moved.Region, moved.Version, moved.City)
		}
		if got := e.loadApplication(draft.ID).Region; got != "AFR" {
			t.Fatalf("the draft stayed in %s", got)
		}
		e.do("PATCH", "/organizations/"+o.ID, u, map[string]any{"version": o.Version, "city": "Dakar"}).problem(t, http.StatusConflict)
		e.do("PATCH", "/organizations/"+o.ID, u, map[string]any{"version": moved.Version, "region": "ECA"}).problem(t, http.StatusBadRequest)
		e.do("PATCH", "/organizations/"+o.ID, u, map[string]any{"city": "Dakar"}).problem(t, http.StatusUnprocessableEntity)

		bad := []struct {
			field string
			patch map[string]any
		}{
			{"country", map[string]any{"country": "XX"}},
			{"website", map[string]any{"website": "javascript:alert(1)"}},
			{"email", map[string]any{"email": "not an address"}},
			{"year_founded", map[string]any{"year_founded": 1066}},
			{"uncac_chapters", map[string]any{"uncac_chapters": []string{"VII"}}},
			{"ecosoc_status", map[string]any{"ecosoc_status": "observer"}},
			{"name", map[string]any{"name": "   "}},
		}
		for _, c := range bad {
			c.patch["version"] = moved.Version
			p := e.do("PATCH", "/organizations/"+o.ID, u, c.patch).problem(t, http.StatusUnprocessableEntity)
			if !hasField(p, c.field) {
				t.Errorf("%s: %+v", c.field, p.Errors)
			}
		}
		var after membership.OrganizationView
		e.do("GET", "/organizations/"+o.ID, u, nil).want(t, http.StatusOK).decode(t, &after)
		if after.Version != moved.Version || after.Country != "SN" {
			t.Fatalf("refused changes were stored: v%d %s", after.Version, after.Country)
		}
		if n := e.count("audit_events", "entity_type = ? AND entity_id = ?", membership.KindOrganization, o.ID); n != 2 {
			t.Fatalf("%d audit events for the organisation, want created and updated", n)
		}
	})
}

// TestDuplicateWarnings: reviewers see organisations of the same country
// whose normalised name or registration number matches — spelling
// variants of Arabic names meet — and applicants never see them.
func TestDuplicateWarnings(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("ar")
		a := e.submitted(sc)

		variant := profile("جمعيـة الشّفافيّة 1", "A Different English Name", "EG") // tatweel, shadda
		variant["name"] = strings.Replace(sc.org.Name, "جمعية", "جمعيـة", 1)
		variant["registration_number"] = "EG-999"
		twin := e.organization(e.applicant("ar"), variant)

		sameNumber := profile("Another Name", "Another Name", "EG")
		sameNumber["registration_number"] = strings.ToLower(strings.ReplaceAll(sc.org.RegistrationNumber, "-", " / "))
		// An applicant is pointed to an invitation instead (see
		// TestRegisteredTwinAsksForInvitation); staff may record it.
		registered := e.organization(e.staff(accord.RoleSecretariat), sameNumber)

		abroad := profile(sc.org.Name, sc.org.NameEN, "JO")
		abroad["registration_number"] = sc.org.RegistrationNumber
		e.organization(e.applicant("ar"), abroad)

		var o membership.OrganizationView
		e.do("GET", "/organizations/"+sc.org.ID, sc.coordinator, nil).want(t, http.StatusOK).decode(t, &o)
		found := map[string][]string{}
		for _, d := range o.PossibleDuplicates {
			found[d.OrganizationID] = d.Matches
		}
		if len(found) != 2 || !slices.Equal(found[twin.ID], []string{"name"}) || !slices.Equal(found[registered.ID], []string{"registration_number"}) {
			t.Fatalf("duplicates %+v, want the spelling variant by name and the same number by registration", o.PossibleDuplicates)
		}
		if got := e.getApplication(sc.coordinator, a.ID).PossibleDuplicates; len(got) != 2 {
			t.Fatalf("the application shows the reviewer %d possible duplicates", len(got))
		}
		if got := e.getApplication(sc.applicant, a.ID).PossibleDuplicates; got != nil {
			t.Fatalf("the applicant is shown %+v", got)
		}
		var own map[string]any
		e.do("GET", "/organizations/"+sc.org.ID, sc.applicant, nil).want(t, http.StatusOK).decode(t, &own)
		if _, ok := own["possible_duplicates"]; ok {
			t.Fatal("the applicant's own profile carries possible_duplicates")
		}
	})
}

// TestApplicationQueue: a coordinator's queue holds its regions' submitted
// applications, oldest first, with age and filters; drafts stay with the
// applicant; the secretariat sees every region.
func TestApplicationQueue(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("en")
		egypt := e.submitted(sc)
		e.clock.Advance(72 * time.Hour)
		kenyan := e.applicant("en")
		ko := e.organization(kenyan, profile("Uwazi Kenya Trust", "Uwazi Kenya Trust", "KE"))
		kd := e.draft(kenyan, ko.ID)
		e.attachRequired(kenyan, kd.ID)
		kenya := e.mustFire(kenyan, kd.ID, "submit", "", membership.AppSubmitted)
		draftOnly := e.applicant("en")
		jo := e.organization(draftOnly, profile("مركز النزاهة", "Integrity Centre", "JO"))
		draft := e.draft(draftOnly, jo.ID)
		africa := e.staff(accord.RoleCoordinator, "AFR")

		ids := func(as []application) []string {
			out := []string{}
			for _, a := range as {
				out = append(out, a.ID)
			}
			return out
		}
		if got := ids(e.applicationsOf(sc.coordinator)); !slices.Equal(got, []string{egypt.ID}) {
			t.Fatalf("MENA queue %v, want only the Egyptian application (no draft, no Kenya)", got)
		}
		if got := ids(e.applicationsOf(africa)); !slices.Equal(got, []string{kenya.ID}) {
			t.Fatalf("AFR queue %v", got)
		}
		all := e.applicationsOf(sc.secretariat)
		if got := ids(all); !slices.Equal(got, []string{egypt.ID, kenya.ID}) {
			t.Fatalf("secretariat queue %v, want both, oldest first", got)
		}
		if all[0].AgeDays != 3 || all[1].AgeDays != 0 || all[0].OrganizationName != sc.org.Name || all[0].Country != "EG" {
			t.Fatalf("queue items: %+v", all[0])
		}
		for _, c := range []struct{ query, want string }{
			{"region=AFR", kenya.ID}, {"country=eg", egypt.ID}, {"q=uwazi", kenya.ID}, {"q=" + url.QueryEscape(strings.ToLower(ko.RegistrationNumber)), kenya.ID},
		} {
			if got := ids(e.applicationsOf(sc.secretariat, c.query)); !slices.Equal(got, []string{c.want}) {
				t.Errorf("?%s: %v, want %s", c.query, got, c.want)
			}
		}
		// A draft is the applicant's alone, even asked for by state.
		if got := ids(e.applicationsOf(sc.secretariat, "state=draft")); len(got) != 0 || draft.ID == "" {
			t.Errorf("?state=draft: %v, want none", got)
		}
		if got := ids(e.applicationsOf(sc.coordinator, "region=AFR")); len(got) != 0 {
			t.Fatalf("a MENA coordinator filtering on AFR sees %v", got)
		}
		if got := ids(e.applicationsOf(draftOnly)); !slices.Equal(got, []string{draft.ID}) {
			t.Fatalf("the applicant's own list %v", got)
		}
		// Paging: one at a time, in the same order.
		var page struct {
			Items      []application
			NextCursor string `json:"next_cursor"`
		}
		e.do("GET", "/membership-applications?limit=1", sc.secretariat, nil).want(t, http.StatusOK).decode(t, &page)
		if len(page.Items) != 1 || page.Items[0].ID != egypt.ID || page.NextCursor == "" {
			t.Fatalf("first page %+v", page)
		}
		e.do("GET", "/membership-applications?limit=1&cursor="+page.NextCursor, sc.secretariat, nil).want(t, http.StatusOK).decode(t, &page)
		if len(page.Items) != 1 || page.Items[0].ID != kenya.ID {
			t.Fatalf("second page %+v", page)
		}
		e.do("GET", "/membership-applications?cursor=nonsense", sc.secretariat, nil).problem(t, http.StatusBadRequest)
	})
}
