package accreditation_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/testenv"
)

// deskNGO inserts an organisation named in Arabic and English and returns
// an applicant speaking for it.
func (e *env) deskNGO(name, nameEN, country, ecosoc string) *user {
	e.T.Helper()
	o := e.Organization(membership.Organization{Name: name, NameEN: nameEN, Country: country, EcosocStatus: ecosoc})
	return e.person(accord.RoleApplicant, "", o.ID, "ar")
}

func names(items []obj, field string) []string {
	var out []string
	for _, it := range items {
		if field == "organization" {
			out = append(out, it["organization"].(map[string]any)["name_en"].(string))
			continue
		}
		out = append(out, it.str(field))
	}
	return out
}

// TestDeskRequests: the secretariat lists a conference's requests,
// filtered by state, region, country and ECOSOC status, searched in
// either script with Arabic spelling variants, paged by keys, with the
// count of each state; nobody else may.
func TestDeskRequests(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sec := e.secretariat()
		arab := e.deskNGO("الشبكة العربية للنزاهة", "Arab Network for Integrity", "JO", "general")
		societe := e.deskNGO("Société civile intègre", "Upright Civil Society", "SN", "none")
		watch := e.deskNGO("Transparency Watch", "Transparency Watch", "NG", "special")
		confID, _ := e.AccreditedRequest(sec, watch, watch.OrgID)
		reqArab := e.submitted(arab, confID).str("id")
		e.submitted(societe, confID)
		// A draft is the applicant's own and is not on the desk.
		other := e.deskNGO("منظمة المسودة", "Draft Org", "EG", "none")
		e.call(other, "POST", "/conferences/"+confID+"/accreditation-requests",
			obj{"organization_id": other.OrgID, "motivation": "draft"}, http.StatusCreated)

		list := func(query string) obj {
			t.Helper()
			return e.call(sec, "GET", "/conferences/"+confID+"/accreditation-requests?"+query, nil, http.StatusOK)
		}
		all := list("sort=name")
		// By the name as written: Latin keys sort before Arabic ones.
		if got := names(all.list("items"), "organization"); strings.Join(got, "|") != "Upright Civil Society|Transparency Watch|Arab Network for Integrity" {
			t.Fatalf("all requests: %v", got)
		}
		counts := all["counts"].(map[string]any)
		if counts["submitted"] != 2.0 || counts["accredited"] != 1.0 || counts["draft"] != nil {
			t.Errorf("counts = %v, want 2 submitted and 1 accredited, no drafts", counts)
		}
		if got := names(list("state=submitted").list("items"), "organization"); len(got) != 2 {
			t.Errorf("state=submitted: %v", got)
		}
		for _, c := range []struct{ q, want string }{
			{"النزاهة", "Arab Network for Integrity"},        // the article before a preposition: للنزاهة
			{"الشبكه العربيه", "Arab Network for Integrity"}, // taa marbuta typed as haa
			{"societe integre", "Upright Civil Society"},     // accents folded
			{"WATCH", "Transparency Watch"},
		} {
			got := names(list("q="+url.QueryEscape(c.q)).list("items"), "organization")
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("q=%s: %v, want only %s", c.q, got, c.want)
			}
		}
		if got := names(list("state=submitted&q="+url.QueryEscape("النزاهة")).list("items"), "id"); len(got) != 1 || got[0] != reqArab {
			t.Errorf("state and q together: %v", got)
		}
		if got := list("country=jo&ecosoc_status=general").list("items"); len(got) != 1 {
			t.Errorf("country and ecosoc_status: %d rows", len(got))
		}
		if got := list("region=AFR").list("items"); len(got) != 2 {
			t.Errorf("region=AFR: %d rows, want Senegal's and Nigeria's", len(got))
		}
		// Keyset pages walk every row once, in each order.
		for _, sort := range []string{"name", "newest", "oldest"} {
			seen := map[string]bool{}
			cursor := ""
			for range 5 {
				page := list("limit=1&sort=" + sort + "&cursor=" + url.QueryEscape(cursor))
				for _, it := range page.list("items") {
					if seen[it.str("id")] {
						t.Errorf("sort=%s: %s twice", sort, it.str("id"))
					}
					seen[it.str("id")] = true
				}
				if cursor = page.str("next_cursor"); cursor == "" {
					break
				}
			}
			if len(seen) != 3 {
				t.Errorf("sort=%s: pages held %d requests, want 3", sort, len(seen))
			}
		}
		e.problem(sec, "GET", "/conferences/"+confID+"/accreditation-requests?sort=size", nil, http.StatusBadRequest, "sort")
		e.problem(sec, "GET", "/conferences/"+confID+"/accreditation-requests?cursor=zz", nil, http.StatusBadRequest, "cursor")
		// Nobody but the secretariat.
		e.problem(arab, "GET", "/conferences/"+confID+"/accreditation-requests", nil, http.StatusForbidden, "")
		e.problem(e.state("EG", "ar"), "GET", "/conferences/"+confID+"/delegates", nil, http.StatusForbidden, "")
		e.problem(nil, "GET", "/conferences/"+confID+"/accreditation-requests", nil, http.StatusUnauthorized, "")
		e.problem(sec, "GET", "/conferences/00000000-0000-4000-8000-000000000000/accreditation-requests", nil, http.StatusNotFound, "")
	})
}

// TestDeskDelegatesAndBulk: the participants list searches names in
// either script and never carries a passport number; a bulk confirm
// where one item is stale confirms the others and refuses that one, each
// firing audited on its own.
func TestDeskDelegatesAndBulk(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sec := e.secretariat()
		ngo := e.deskNGO("جمعية الشفافية", "Transparency Society", "JO", "general")
		other := e.deskNGO("Integrity Now", "Integrity Now", "KE", "general")
		confID, req := e.AccreditedRequest(sec, ngo, ngo.OrgID)
		req2 := e.submitted(other, confID).str("id")
		e.fire(sec, "/accreditation-requests/"+req2, "admit_ecosoc", "", http.StatusOK)
		nominate := func(u *user, r string, n obj) obj {
			return e.call(u, "POST", delegatesOf(r), n, http.StatusCreated)
		}
		amira := nominee("Amira", "Haddad", "N1234567")
		amira["given_name_original"], amira["family_name_original"] = "أميرة", "حداد"
		amira["needs_visa_letter"] = false
		d1 := nominate(ngo, req, amira)
		d2 := nominate(ngo, req, nominee("Karim", "Abdel-Rahman", "P7654321"))
		d3 := nominate(ngo, req, nominee("Leila", "Mansour", ""))
		d4 := nominate(other, req2, nominee("Wanjiru", "Kamau", "K5555555"))

		list := func(query string) obj {
			t.Helper()
			return e.call(sec, "GET", "/conferences/"+confID+"/delegates?"+query, nil, http.StatusOK)
		}
		r := e.do(sec, "GET", "/conferences/"+confID+"/delegates", nil)
		for _, secret := range []string{"N1234567", "P7654321", "K5555555", "passport_number\""} {
			if strings.Contains(string(r.body), secret) {
				t.Errorf("the participants list carries %q", secret)
			}
		}
		if !strings.Contains(string(r.body), `"passport_hint"`) {
			t.Error("the participants list lacks the passport hint")
		}
		for _, c := range []struct{ q, want string }{
			{"amira", "Amira"}, {"اميره", "Amira"}, // alef with hamza and taa marbuta folded
			{"abdel rahman", "Karim"}, {"KAMAU", "Wanjiru"},
		} {
			got := names(list("q="+url.QueryEscape(c.q)).list("items"), "given_name")
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("q=%s: %v, want %s", c.q, got, c.want)
			}
		}
		if got := list("organization_id=" + other.OrgID).list("items"); len(got) != 1 {
			t.Errorf("organization_id: %d rows", len(got))
		}
		if got := list("needs_visa_letter=false").list("items"); len(got) != 1 || got[0].str("given_name") != "Amira" {
			t.Errorf("needs_visa_letter=false: %v", names(got, "given_name"))
		}
		e.problem(sec, "GET", "/conferences/"+confID+"/delegates?needs_visa_letter=perhaps", nil, http.StatusBadRequest, "needs_visa_letter")
		first := list("limit=2")
		if got := names(first.list("items"), "given_name"); strings.Join(got, ",") != "Amira,Karim" || first.str("next_cursor") == "" {
			t.Errorf("first page by name: %v, next %q", got, first.str("next_cursor"))
		}

		// Someone changed Leila meanwhile: the version the desk read is stale.
		e.fire(sec, "/delegates/"+d3.str("id"), "confirm", "", http.StatusOK)
		item := func(d obj) obj { return obj{"id": d.str("id"), "version": d.num("version")} }
		before := len(e.AuditEvents("delegate", "confirm"))
		var out struct {
			Results []struct {
				ID      string `json:"id"`
				Status  int    `json:"status"`
				State   string `json:"state"`
				Version int    `json:"version"`
				Error   string `json:"error"`
			} `json:"results"`
		}
		e.Call(sec, "POST", "/delegates/transitions", obj{"event": "confirm",
			"items": []obj{item(d1), item(d2), item(d3), item(d4)}}).Want(t, http.StatusOK).Decode(t, &out)
		want := []int{http.StatusOK, http.StatusOK, http.StatusConflict, http.StatusOK}
		for i, res := range out.Results {
			if res.Status != want[i] {
				t.Errorf("item %d: status %d (%s), want %d", i, res.Status, res.Error, want[i])
			}
			if res.Status == http.StatusOK && (res.State != "confirmed" || res.Version != 2) {
				t.Errorf("item %d: state %s version %d", i, res.State, res.Version)
			}
			if res.Status == http.StatusConflict && res.Error == "" {
				t.Errorf("item %d: a refusal without its reason", i)
			}
		}
		if n := len(e.AuditEvents("delegate", "confirm")) - before; n != 3 {
			t.Errorf("%d confirm events audited, want one per confirmed delegate (3)", n)
		}
		if got := list("state=confirmed")["counts"].(map[string]any)["confirmed"]; got != 4.0 {
			t.Errorf("confirmed count = %v, want 4", got)
		}
		// The applicant may not confirm, item by item.
		e.Call(ngo, "POST", "/delegates/transitions", obj{"event": "issue_badge",
			"items": []obj{{"id": d1.str("id"), "version": 2}}}).Want(t, http.StatusOK).Decode(t, &out)
		if out.Results[0].Status != http.StatusForbidden {
			t.Errorf("an applicant issuing a badge in bulk: %d", out.Results[0].Status)
		}
		// Too many items, or none, is refused whole.
		many := make([]obj, 501)
		for i := range many {
			many[i] = obj{"id": fmt.Sprintf("00000000-0000-4000-8000-%012d", i), "version": 1}
		}
		for _, body := range []obj{{"event": "confirm", "items": many}, {"event": "clear", "items": []obj{}}} {
			p := testenv.Problem(t, e.Call(sec, "POST", "/accreditation-requests/transitions", body), http.StatusUnprocessableEntity)
			if !testenv.HasField(p, "items") || (len(body["items"].([]obj)) > 0 && !strings.Contains(p.Errors[0].Message, "at most 500")) {
				t.Errorf("bulk of %d items: %+v", len(body["items"].([]obj)), p)
			}
		}
	})
}
