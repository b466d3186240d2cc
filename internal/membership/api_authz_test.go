package membership_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
)

// TestAuthorizationTable fires every action of the membership API as every
// kind of caller, own or other organisation, own or other region, and
// fails on any answer but the expected one: a leak (200 where 404 is due),
// a wrong refusal, or an object revealed by a 403 where it should stay
// hidden. Refusals that would otherwise succeed are made harmless (a stale
// version, a blank note) so that one fixture serves every row, and the
// status then tells which check stopped the request: 404 visibility, 403
// role or relationship, 409/422 past both.
func TestAuthorizationTable(t *testing.T) {
	// Callers, with "own" meaning the organisation of the fixture's
	// application, in Egypt (MENA).
	roles := []string{"applicant own", "applicant other", "applicant no org", "coordinator region",
		"coordinator other region", "secretariat", "admin", "state party", "public"}
	const (
		ok       = http.StatusOK
		created  = http.StatusCreated
		noAuth   = http.StatusUnauthorized
		denied   = http.StatusForbidden
		hidden   = http.StatusNotFound
		conflict = http.StatusConflict
		invalid  = http.StatusUnprocessableEntity
	)
	// expect lists the statuses in the order of roles.
	expect := func(statuses ...int) map[string]int {
		if len(statuses) != len(roles) {
			panic("expect: one status per role")
		}
		m := map[string]int{}
		for i, r := range roles {
			m[r] = statuses[i]
		}
		return m
	}
	type fixture struct {
		org, app, doc, membership string
		version                   int
	}
	type action struct {
		name string
		do   func(e *env, fx fixture, u *user) response
		want map[string]int
		// listed, for list actions, is whether the fixture's object must be
		// in a 200 answer: it must not be where false.
		listed map[string]bool
		listID func(fx fixture) string
	}
	yes := func(listed ...bool) map[string]bool {
		m := map[string]bool{}
		for i, r := range roles {
			if i < len(listed) {
				m[r] = listed[i]
			}
		}
		return m
	}
	transition := func(collection, event, comment string, version func(fx fixture) int) func(e *env, fx fixture, u *user) response {
		return func(e *env, fx fixture, u *user) response {
			id := fx.app
			if collection == "memberships" {
				id = fx.membership
			}
			return e.do("POST", "/"+collection+"/"+id+"/transitions", u, map[string]any{
				"event": event, "comment": comment, "version": version(fx),
			})
		}
	}
	current := func(fx fixture) int { return fx.version }
	stale := func(fixture) int { return 999 }
	get := func(path func(fx fixture) string) func(e *env, fx fixture, u *user) response {
		return func(e *env, fx fixture, u *user) response { return e.do("GET", path(fx), u, nil) }
	}
	//                               own      other    no org   coord    coord/o  secr     admin    state    public
	actions := []action{
		{name: "read organisation", do: get(func(fx fixture) string { return "/organizations/" + fx.org }),
			want: expect(ok, hidden, hidden, ok, ok, ok, ok, hidden, noAuth)},
		{name: "update organisation (stale version)", do: func(e *env, fx fixture, u *user) response {
			return e.do("PATCH", "/organizations/"+fx.org, u, map[string]any{"version": 999, "city": "Giza"})
		}, want: expect(conflict, hidden, hidden, denied, denied, conflict, denied, hidden, noAuth)},
		{name: "read application", do: get(func(fx fixture) string { return "/membership-applications/" + fx.app }),
			want: expect(ok, hidden, hidden, ok, hidden, ok, hidden, hidden, noAuth)},
		{name: "read application history", do: get(func(fx fixture) string { return "/membership-applications/" + fx.app + "/history" }),
			want: expect(ok, hidden, hidden, ok, hidden, ok, hidden, hidden, noAuth)},
		{name: "download document", do: get(func(fx fixture) string { return "/membership-applications/" + fx.app + "/documents/" + fx.doc }),
			want: expect(ok, hidden, hidden, ok, hidden, ok, hidden, hidden, noAuth)},
		{name: "upload document (decided application)", do: func(e *env, fx fixture, u *user) response {
			return e.upload(u, fx.app, "other", "more.pdf", pdfFile)
		}, want: expect(conflict, hidden, hidden, denied, hidden, denied, hidden, hidden, noAuth)},
		{name: "remove document (decided application)", do: func(e *env, fx fixture, u *user) response {
			return e.do("DELETE", "/membership-applications/"+fx.app+"/documents/"+fx.doc, u, nil)
		}, want: expect(conflict, hidden, hidden, denied, hidden, denied, hidden, hidden, noAuth)},
		{name: "edit motivation (decided application)", do: func(e *env, fx fixture, u *user) response {
			return e.do("PATCH", "/membership-applications/"+fx.app, u, map[string]any{"version": 999, "motivation": "x"})
		}, want: expect(conflict, hidden, hidden, denied, hidden, denied, hidden, hidden, noAuth)},
		{name: "fire appeal, an applicant's event", do: transition("membership-applications", "appeal", "grounds", current),
			want: expect(conflict, hidden, hidden, denied, hidden, denied, hidden, hidden, noAuth)},
		{name: "fire approve, a reviewer's event", do: transition("membership-applications", "approve", "", current),
			want: expect(denied, hidden, hidden, conflict, hidden, conflict, hidden, hidden, noAuth)},
		{name: "fire overturn, the secretariat's event", do: transition("membership-applications", "overturn", "reasons", current),
			want: expect(denied, hidden, hidden, denied, hidden, conflict, hidden, hidden, noAuth)},
		{name: "add a blank internal note", do: func(e *env, fx fixture, u *user) response {
			return e.do("POST", "/membership-applications/"+fx.app+"/notes", u, map[string]string{"text": " "})
		}, want: expect(denied, hidden, hidden, invalid, hidden, invalid, hidden, hidden, noAuth)},
		{name: "apply for the organisation", do: func(e *env, fx fixture, u *user) response {
			return e.do("POST", "/membership-applications", u, map[string]string{"organization_id": fx.org})
		}, want: expect(conflict, hidden, hidden, denied, denied, denied, denied, denied, noAuth)},
		{name: "read membership", do: get(func(fx fixture) string { return "/memberships/" + fx.membership }),
			want: expect(ok, hidden, hidden, ok, hidden, ok, ok, hidden, noAuth)},
		{name: "read membership history", do: get(func(fx fixture) string { return "/memberships/" + fx.membership + "/history" }),
			want: expect(ok, hidden, hidden, ok, hidden, ok, ok, hidden, noAuth)},
		{name: "fire suspend (stale version)", do: transition("memberships", "suspend", "reasons", stale),
			want: expect(denied, hidden, hidden, denied, hidden, conflict, denied, hidden, noAuth)},
		{name: "fire resign (stale version)", do: transition("memberships", "resign", "", stale),
			want: expect(conflict, hidden, hidden, denied, hidden, denied, denied, hidden, noAuth)},
		{name: "list applications", do: get(func(fixture) string { return "/membership-applications?state=approved" }),
			want:   expect(ok, ok, ok, ok, ok, ok, denied, denied, noAuth),
			listed: yes(true, false, false, true, false, true), listID: func(fx fixture) string { return fx.app }},
		{name: "list organisations", do: get(func(fixture) string { return "/organizations" }),
			want:   expect(ok, ok, ok, ok, ok, ok, ok, denied, noAuth),
			listed: yes(true, false, false, true, true, true, true), listID: func(fx fixture) string { return fx.org }},
		{name: "list memberships", do: get(func(fixture) string { return "/memberships" }),
			want:   expect(ok, ok, ok, ok, ok, ok, ok, denied, noAuth),
			listed: yes(true, false, false, true, false, true, true), listID: func(fx fixture) string { return fx.membership }},
		// Last: it succeeds for some and changes who belongs where.
		{name: "create an organisation in Egypt", do: func(e *env, fx fixture, u *user) response {
			return e.do("POST", "/organizations", u, profile("منظمة جديدة", "New Organisation", "EG"))
		}, want: expect(conflict, conflict, created, created, denied, created, denied, denied, noAuth)},
	}

	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("en")
		a := e.underReview(sc)
		a = e.mustFire(sc.coordinator, a.ID, "approve", "", membership.AppApproved)
		var ms struct{ Items []membership.MembershipView }
		e.do("GET", "/memberships", sc.applicant, nil).want(t, ok).decode(t, &ms)
		fx := fixture{org: sc.org.ID, app: a.ID, doc: a.Documents[0].ID, membership: ms.Items[0].ID, version: a.Version}

		other := e.applicant("en")
		e.organization(other, profile("Uwazi Trust", "Uwazi Trust", "KE"))
		callers := map[string]*user{
			"applicant own":            sc.applicant,
			"applicant other":          other,
			"applicant no org":         e.applicant("en"),
			"coordinator region":       sc.coordinator,
			"coordinator other region": e.staff(accord.RoleCoordinator, "AFR"),
			"secretariat":              sc.secretariat,
			"admin":                    e.staff(accord.RoleAdmin),
			"state party":              e.staff(accord.RoleStateParty),
			"public":                   nil,
		}
		for _, act := range actions {
			for _, role := range roles {
				t.Run(act.name+"/"+role, func(t *testing.T) {
					res := act.do(e, fx, callers[role])
					if res.Status != act.want[role] {
						t.Fatalf("status %d, want %d: %s", res.Status, act.want[role], res.Body)
					}
					if act.listID != nil && res.Status == ok {
						in := listContains(t, res, act.listID(fx))
						if in != act.listed[role] {
							t.Fatalf("the fixture's object listed: %v, want %v: %s", in, act.listed[role], res.Body)
						}
					}
				})
			}
		}
		// The refusals changed nothing.
		if got := e.loadApplication(fx.app); got.State != membership.AppApproved || got.Version != fx.version {
			t.Fatalf("application %s v%d after the table", got.State, got.Version)
		}
		if n := e.count("application_documents", "application_id = ?", fx.app); n != int64(len(a.Documents)) {
			t.Fatalf("%d documents after the table, want %d", n, len(a.Documents))
		}
	})
}

func listContains(t *testing.T, res response, id string) bool {
	t.Helper()
	var page struct {
		Items []map[string]any `json:"items"`
	}
	if err := json.Unmarshal(res.Body, &page); err != nil {
		t.Fatalf("decode list: %v", err)
	}
	for _, item := range page.Items {
		if fmt.Sprint(item["id"]) == id {
			return true
		}
	}
	return false
}
