package membership_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/notify"
	"github.com/accord-coalition/accord/internal/workflow"
)

// profile is a complete organisation profile in country.
func profile(name, nameEN, countryCode string) map[string]any {
	return map[string]any{
		"name": name, "name_en": nameEN, "acronym": "TST", "country": countryCode, "city": "Cairo",
		"registration_number": "REG-" + nameEN, "registration_authority": "Ministry of Social Solidarity",
		"year_founded": 2005, "website": "https://ngo.example.org", "email": "office@ngo.example.org",
		"phone": "+20 2 1234 5678", "areas": []string{"procurement", "access to information"},
		"uncac_chapters": []string{"II", "V"}, "ecosoc_status": "none",
		"declarations": map[string]bool{"non_profit": true, "independent_of_government": true,
			"not_political_party": true, "adheres_to_values": true},
	}
}

// organization creates an organisation for u over the API.
func (e *env) organization(u *user, body map[string]any) membership.OrganizationView {
	e.t.Helper()
	var o membership.OrganizationView
	e.do("POST", "/organizations", u, body).want(e.t, http.StatusCreated).decode(e.t, &o)
	return o
}

// application is an application as the API shows it.
type application = membership.ApplicationView

func (e *env) getApplication(u *user, id string) application {
	e.t.Helper()
	var a application
	e.do("GET", "/membership-applications/"+id, u, nil).want(e.t, http.StatusOK).decode(e.t, &a)
	return a
}

// draft starts an application of org for u.
func (e *env) draft(u *user, orgID string) application {
	e.t.Helper()
	var a application
	e.do("POST", "/membership-applications", u, map[string]string{
		"organization_id": orgID, "motivation": "We fight corruption in public procurement.",
	}).want(e.t, http.StatusCreated).decode(e.t, &a)
	return a
}

// Minimal files of each accepted type.
var (
	pdfFile  = []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	pngFile  = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00")
	jpegFile = []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9")
	exeFile  = []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00This program cannot be run in DOS mode.")
)

// upload posts a multipart document as u.
func (e *env) upload(u *user, appID, kind, filename string, data []byte, headers ...string) response {
	e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if kind != "" {
		if err := mw.WriteField("kind", kind); err != nil {
			e.t.Fatal(err)
		}
	}
	fw, err := mw.CreateFormFile("file", filename)
	if err != nil {
		e.t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	headers = append([]string{"Content-Type", mw.FormDataContentType()}, headers...)
	return response{e.Call(u, "POST", "/membership-applications/"+appID+"/documents", &buf, headers...)}
}

// attachRequired uploads the three documents submitting needs.
func (e *env) attachRequired(u *user, appID string) {
	e.t.Helper()
	for _, kind := range membership.RequiredDocuments {
		e.upload(u, appID, kind, kind+".pdf", pdfFile).want(e.t, http.StatusCreated)
	}
}

// fire posts a transition at the application's current version.
func (e *env) fire(u *user, appID, event, comment string) response {
	e.t.Helper()
	a := e.loadApplication(appID)
	return e.fireAt(u, appID, event, comment, a.Version)
}

func (e *env) fireAt(u *user, appID, event, comment string, version int, headers ...string) response {
	e.t.Helper()
	return e.do("POST", "/membership-applications/"+appID+"/transitions", u, map[string]any{
		"event": event, "comment": comment, "version": version,
	}, headers...)
}

// mustFire fires and expects the application to reach state.
func (e *env) mustFire(u *user, appID, event, comment, state string) application {
	e.t.Helper()
	var a application
	e.fire(u, appID, event, comment).want(e.t, http.StatusOK).decode(e.t, &a)
	if a.State != state {
		e.t.Fatalf("%s: state %s, want %s", event, a.State, state)
	}
	return a
}

// loadApplication reads the row directly, bypassing every rule.
func (e *env) loadApplication(id string) membership.Application {
	e.t.Helper()
	var a membership.Application
	if err := e.db.WithContext(context.Background()).Where("id = ?", id).Take(&a).Error; err != nil {
		e.t.Fatalf("load application %s: %v", id, err)
	}
	return a
}

// scenario is an applicant organisation in a region with its staff.
type scenario struct {
	applicant   *user
	org         membership.OrganizationView
	coordinator *user // of the organisation's region
	secretariat *user
}

// newScenario sets up an applicant with a complete organisation in Egypt
// (MENA), a MENA coordinator and a secretariat member.
func (e *env) newScenario(locale string) *scenario {
	e.t.Helper()
	sc := &scenario{applicant: e.applicant(locale)}
	n := e.next()
	sc.org = e.organization(sc.applicant, profile(fmt.Sprintf("جمعية الشفافية %d", n), fmt.Sprintf("Transparency Society %d", n), "EG"))
	sc.coordinator = e.staff(accord.RoleCoordinator, "MENA")
	sc.secretariat = e.staff(accord.RoleSecretariat)
	return sc
}

// submitted takes a fresh application of the scenario to submitted.
func (e *env) submitted(sc *scenario) application {
	e.t.Helper()
	a := e.draft(sc.applicant, sc.org.ID)
	e.attachRequired(sc.applicant, a.ID)
	return e.mustFire(sc.applicant, a.ID, "submit", "", membership.AppSubmitted)
}

// underReview takes a fresh application to under_review, claimed by the
// scenario's coordinator.
func (e *env) underReview(sc *scenario) application {
	e.t.Helper()
	a := e.submitted(sc)
	return e.mustFire(sc.coordinator, a.ID, "claim", "", membership.AppUnderReview)
}

// messages returns the messages of a user, oldest first.
func (e *env) messages(userID string) []notify.Message { return e.Messages(userID) }

func (e *env) count(table, where string, args ...any) int64 { return e.Count(table, where, args...) }

// history reads an application's timeline as u.
func (e *env) history(u *user, appID string) []workflow.HistoryEntry {
	e.t.Helper()
	var page struct{ Items []workflow.HistoryEntry }
	e.do("GET", "/membership-applications/"+appID+"/history", u, nil).want(e.t, http.StatusOK).decode(e.t, &page)
	return page.Items
}

func events(h []workflow.HistoryEntry) []string {
	out := []string{}
	for _, e := range h {
		out = append(out, e.Event)
	}
	return out
}

// transitionsOf keeps the events of a timeline that moved the state.
func transitionsOf(h []workflow.HistoryEntry) []string {
	out := []string{}
	for _, e := range h {
		if e.FromState != "" {
			out = append(out, e.Event)
		}
	}
	return out
}

// orgOf is the organisation u belongs to, as /me says.
func (e *env) orgOf(u *user) string {
	e.t.Helper()
	var me struct {
		OrganizationID *string `json:"organization_id"`
	}
	e.do("GET", "/me", u, nil).want(e.t, http.StatusOK).decode(e.t, &me)
	if me.OrganizationID == nil {
		e.t.Fatal("the user has no organisation")
	}
	return *me.OrganizationID
}

// applicationsOf lists the applications u sees.
func (e *env) applicationsOf(u *user, query ...string) []application {
	e.t.Helper()
	path := "/membership-applications"
	if len(query) > 0 {
		path += "?" + query[0]
	}
	var page struct{ Items []application }
	e.do("GET", path, u, nil).want(e.t, http.StatusOK).decode(e.t, &page)
	return page.Items
}
