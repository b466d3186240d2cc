package report_test

import (
	"net/http"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
)

// TestOnlyTheSecretariatExports: every export, in every format, refuses
// applicants (even of an organisation on the list), States parties,
// coordinators and operators (admin: no workflow data) with 403, and the public with 401; the secretariat gets
// 200, and 404 for what does not exist.
func TestOnlyTheSecretariatExports(t *testing.T) {
	withFixture(t, func(t *testing.T, e *env, f *fixture) {
		var paths []string
		for _, list := range []string{"accredited", "participants", "circulation", "badges"} {
			for _, format := range []string{"csv", "xlsx", "pdf"} {
				paths = append(paths, "/conferences/"+f.conf.ID+"/exports/"+list+"."+format)
			}
		}
		paths = append(paths, "/members/export.csv", "/members/export.xlsx")
		refused := map[string]*user{
			"applicant":   f.egypt.Applicant,
			"state party": f.state,
			"coordinator": f.coordinator,
			"admin":       e.person(accord.RoleAdmin, "", ""),
		}
		for _, p := range paths {
			for who, u := range refused {
				r := e.get(u, p)
				if r.status != http.StatusForbidden || r.header.Get("Content-Type") != "application/problem+json" {
					t.Errorf("%s as %s: %d %s, want a 403 problem", p, who, r.status, r.header.Get("Content-Type"))
				}
			}
			if r := e.get(nil, p); r.status != http.StatusUnauthorized {
				t.Errorf("%s as the public: %d, want 401", p, r.status)
			}
			if r := e.get(f.sec, p); r.status != http.StatusOK {
				t.Errorf("%s as the secretariat: %d %s", p, r.status, r.body)
			}
		}
		// Refused before anything is looked up: an applicant learns nothing
		// from a made-up conference or list either.
		for _, p := range []string{"/conferences/NOPE/exports/participants.csv", "/conferences/CoSP11/exports/secret.csv"} {
			e.get(f.state, p).want(t, p+" as a State party", http.StatusForbidden)
		}
		for _, p := range []string{
			"/conferences/NOPE/exports/participants.csv",
			"/conferences/00000000-0000-4000-8000-000000000000/exports/participants.csv",
			"/conferences/CoSP11/exports/secret.csv",
			"/conferences/CoSP11/exports/participants.docx",
			"/conferences/CoSP11/exports/participants",
			"/conferences/CoSP11/exports/members.csv",
		} {
			e.get(f.sec, p).want(t, p, http.StatusNotFound)
		}
	})
}
