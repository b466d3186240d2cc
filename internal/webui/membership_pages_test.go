package webui_test

import (
	"bytes"
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/i18n"
	"github.com/accord-coalition/accord/internal/membership"
)

// draftFor is an applicant with a complete organisation and a draft, and
// its browser, signed in.
func (s *memberSite) draftFor(locale, countryCode string) (*browser, *applicant) {
	s.t.Helper()
	ctx := context.Background()
	a := s.submittedApplication("منظمة "+locale, "Organisation "+locale, countryCode, locale)
	// Withdraw the submitted one and start a draft: the pages under test
	// are the draft's.
	s.fire(a.actor, a.app.ID, "withdraw", "")
	d, err := s.svc.CreateApplication(ctx, a.actor, membership.ApplicationInput{OrganizationID: a.org.ID, Motivation: "Motivation"})
	if err != nil {
		s.t.Fatal(err)
	}
	a.app = d
	b := s.browser(locale)
	b.signIn(a.email)
	return b, a
}

// TestUploadRefusalsBesideTheFileField: a file of the wrong type (415), a
// file too large (413), no file, or no kind: each refusal is shown beside
// its field in the reader's language, and nothing is attached.
func TestUploadRefusalsBesideTheFileField(t *testing.T) {
	onEngines(t, newMemberSite, func(t *testing.T, s *memberSite) {
		fr, a := s.draftFor("fr", "SN")
		path := "/applications/" + a.app.ID
		r := fr.get(path)
		r.wantContains(t, "PDF, PNG, JPEG ou Word (DOCX), 10 Mo au plus.", `enctype="multipart/form-data"`)

		r = fr.upload(path, path+"/documents", map[string]string{"kind": "statutes"}, "file", "statuts.pdf", exeFile)
		r.wantStatus(t, http.StatusUnsupportedMediaType)
		if got := fieldError(r, "f-file"); !strings.HasPrefix(got, "Ce fichier n'est pas un document PDF") {
			t.Errorf("415 beside the file field: %q", got)
		}
		// The kind chosen is kept for the next try.
		r.wantContains(t, `<option value="statutes" selected>Statuts</option>`)

		r = fr.upload(path, path+"/documents", map[string]string{"kind": ""}, "file", "statuts.pdf", pdfFile)
		r.wantStatus(t, http.StatusUnprocessableEntity)
		if got := fieldError(r, "f-kind"); got != "Choisissez l'une des options proposées." {
			t.Errorf("missing kind: %q", got)
		}
		r = fr.upload(path, path+"/documents", map[string]string{"kind": "statutes"}, "", "", nil)
		r.wantStatus(t, http.StatusUnprocessableEntity)
		if got := fieldError(r, "f-file"); got != "Choisissez un fichier à envoyer." {
			t.Errorf("no file: %q", got)
		}

		es, b := s.draftFor("es", "CO")
		esPath := "/applications/" + b.app.ID
		big := append(append([]byte{}, pdfFile...), bytes.Repeat([]byte("0"), 11<<20)...)
		r = es.upload(esPath, esPath+"/documents", map[string]string{"kind": "report"}, "file", "informe.pdf", big)
		r.wantStatus(t, http.StatusRequestEntityTooLarge)
		if got := fieldError(r, "f-file"); !strings.HasPrefix(got, "Este archivo supera los 10 MB.") {
			t.Errorf("413 beside the file field: %q", got)
		}
		// A body far beyond any document is cut off before it is read,
		// with an error page in the reader's language.
		huge := bytes.Repeat([]byte("0"), 22<<20)
		r = es.upload(esPath, esPath+"/documents", map[string]string{"kind": "report"}, "file", "enorme.pdf", huge)
		r.wantStatus(t, http.StatusRequestEntityTooLarge)
		r.wantContains(t, "Demasiado grande")

		var n int64
		s.db.Gorm.Table("application_documents").Where("application_id IN ?", []string{a.app.ID, b.app.ID}).Count(&n)
		if n != 0 {
			t.Errorf("%d documents attached by refused uploads", n)
		}
		// A multipart form without its CSRF token is refused like any form.
		r = es.upload(esPath, esPath+"/documents", map[string]string{"kind": "report", "csrf_token": "forged"}, "file", "a.pdf", pdfFile)
		r.wantStatus(t, http.StatusForbidden)
	})
}

// TestHostileTextIsEscapedOnMembershipPages: names, motivation and
// comments crafted as markup show as text on the queue, the review page
// and the applicant's page.
func TestHostileTextIsEscapedOnMembershipPages(t *testing.T) {
	onEngines(t, newMemberSite, func(t *testing.T, s *memberSite) {
		ctx := context.Background()
		a := s.submittedApplication(hostile, `"><img src=x onerror=alert(2)>`, "LB", "en")
		coordB, coord := s.staff(accord.RoleCoordinator, "en", "MENA")
		s.fire(coord, a.app.ID, "claim", "")
		s.fire(coord, a.app.ID, "request_info", "Tell us more "+hostile)
		if _, err := s.svc.UpdateApplication(ctx, a.actor, a.app.ID, membership.ApplicationPatch{Version: 4, Motivation: hostile}); err != nil {
			t.Fatal(err)
		}
		path := "/applications/" + a.app.ID
		appB := s.browser("en")
		appB.signIn(a.email)
		for _, r := range []response{coordB.get("/review?state=info_requested"), coordB.get(path), appB.get(path)} {
			r.wantStatus(t, http.StatusOK)
			r.wantContains(t, "&lt;script&gt;alert(1)&lt;/script&gt;")
			r.wantLacks(t, hostile, "<img src=x")
		}
	})
}

// TestMembershipsBySecretariatAndMember: the secretariat suspends,
// reinstates and ends memberships from its list, with reasons; the member
// reconfirms its declarations when due, and resigns.
func TestMembershipsBySecretariatAndMember(t *testing.T) {
	onEngines(t, newMemberSite, func(t *testing.T, s *memberSite) {
		ctx := context.Background()
		_, coord := s.staff(accord.RoleCoordinator, "en", "ECA")
		hubB, _ := s.staff(accord.RoleSecretariat, "en")
		members := map[string]*applicant{}
		for _, c := range []string{"FR", "UA"} {
			a := s.submittedApplication("Member "+c, "Member "+c, c, "en")
			s.fire(coord, a.app.ID, "claim", "")
			s.fire(coord, a.app.ID, "approve", "")
			members[c] = a
		}
		ms, _, err := s.svc.ListMemberships(ctx, members["FR"].actor, membership.MembershipFilter{})
		if err != nil || len(ms) != 1 {
			t.Fatalf("membership of FR: %v %v", ms, err)
		}
		path := "/memberships/" + ms[0].ID

		r := hubB.get("/memberships")
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, "Member FR", "Member UA", "2 memberships shown", `action="`+path+`/transitions"`, "Suspend the membership")
		if got := strings.Count(r.body, `name="event" value="suspend"`); got != 2 {
			t.Errorf("%d suspend forms on the list, want one per active membership", got)
		}
		// Ids stay unique with one form per membership.
		ids := regexp.MustCompile(`id="(f-[^"]+)"`).FindAllStringSubmatch(r.body, -1)
		seen := map[string]bool{}
		for _, m := range ids {
			if seen[m[1]] {
				t.Errorf("id %s appears twice on the list", m[1])
			}
			seen[m[1]] = true
		}

		r = hubB.fireForm(path, "suspend", map[string]string{"comment": ""})
		r.wantStatus(t, http.StatusUnprocessableEntity)
		if got := fieldError(r, "f-suspend_comment"); got != "This field is required." {
			t.Errorf("blank reasons: %q", got)
		}
		hubB.fireForm(path, "suspend", map[string]string{"comment": "Unpaid obligations."}).wantRedirect(t, path)
		r = hubB.get(path)
		r.wantContains(t, "Suspended", "Unpaid obligations.", "Reinstate the membership", "End the membership")
		if got := strings.Join(offered(r), ","); got != "reinstate,terminate" {
			t.Errorf("suspended membership offers %s", got)
		}
		hubB.get("/memberships?state=suspended").wantContains(t, "Member FR", "1 membership shown")
		hubB.fireForm(path, "reinstate", map[string]string{"comment": "Settled."}).wantRedirect(t, path)

		// The member: no reconfirmation a year ahead, then within the
		// window; resignation needs its box ticked.
		memB := s.browser("en")
		memB.signIn(members["FR"].email)
		memB.get("/memberships").wantRedirect(t, path)
		r = memB.get(path)
		r.wantContains(t, "Active", "We are a non-profit organisation.", "Resign from the coalition", "You can reconfirm them from")
		r.wantLacks(t, "Suspend the membership")
		if got := strings.Join(offered(r), ","); got != "resign" {
			t.Errorf("member offered %s a year before renewal", got)
		}
		// A member is not offered to apply again.
		r = memB.get("/application")
		r.wantStatus(t, http.StatusOK)
		r.wantContains(t, "membership: Active.", `href="`+path+`"`)
		r.wantLacks(t, `action="/applications"`)
		// The header links by role: the member to its organisation and
		// application, a coordinator to the queue only, the secretariat to
		// the queue and the memberships.
		memB.get("/").wantContains(t, `href="/organization"`, `href="/application"`)
		memB.get("/").wantLacks(t, `href="/review"`, `href="/memberships"`)
		coordB, _ := s.staff(accord.RoleCoordinator, "en", "ECA")
		r = coordB.get("/review")
		r.wantContains(t, `href="/review" aria-current="page"`)
		r.wantLacks(t, `href="/memberships"`, `href="/organization"`)
		hubB.get("/").wantContains(t, `href="/review"`, `href="/memberships"`)

		// Access tokens lapse over eleven months: sign in again after.
		s.clock.Advance(330 * 24 * time.Hour)
		memB = s.browser("en")
		memB.signIn(members["FR"].email)
		if got := strings.Join(offered(memB.get(path)), ","); got != "reconfirm,resign" {
			t.Errorf("member offered %s near renewal", got)
		}
		memB.fireForm(path, "reconfirm", nil).wantRedirect(t, path+"?notice=event_reconfirm")
		r = memB.fireForm(path, "resign", nil)
		r.wantStatus(t, http.StatusUnprocessableEntity)
		if got := fieldError(r, "f-resign_confirm"); got != "Tick the box to confirm." {
			t.Errorf("resign unconfirmed: %q", got)
		}
		memB.fireForm(path, "resign", map[string]string{"confirm": "on"}).wantRedirect(t, path+"?notice=event_resign")
		memB.get(path).wantContains(t, "Resigned", "The organisation resigned from the coalition.")

	})
}

// TestOrganisationProfileEditsAtItsVersion: the profile form saves at the
// version it was read; a form read before another save is refused and
// shows the saved profile.
func TestOrganisationProfileEditsAtItsVersion(t *testing.T) {
	onEngines(t, newMemberSite, func(t *testing.T, s *memberSite) {
		b, _ := s.draftFor("en", "MA")
		page := b.get("/organization")
		page.wantContains(t, `value="Organisation en"`, `<option value="special" selected>Special consultative status</option>`,
			`value="V" checked`, `name="org_non_profit" value="on" checked`)
		csrf := csrfRE.FindStringSubmatch(page.body)[1]
		version := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(page.body)[1]
		form := map[string][]string{
			"csrf_token": {csrf}, "version": {version}, "org_name": {"منظمة en"}, "org_name_en": {"Renamed"},
			"org_country": {"MA"}, "org_city": {"Rabat"}, "org_registration_number": {"R-1"},
			"org_registration_authority": {"Wilaya"}, "org_year_founded": {"1999"}, "org_email": {"x@ngo.example"},
			"org_areas": {"budgets; courts"}, "org_uncac_chapters": {"III"}, "org_ecosoc_status": {"none"},
		}
		b.post("/organization", form).wantRedirect(t, "/organization?notice=organization_saved")
		r := b.get("/organization")
		r.wantContains(t, `value="Renamed"`, `value="budgets, courts"`, `value="III" checked`)
		r.wantLacks(t, `name="org_non_profit" value="on" checked`)

		// The same form again, at the version read before: 409.
		form["org_name_en"] = []string{"Overwrite"}
		r = b.post("/organization", form)
		r.wantStatus(t, http.StatusConflict)
		r.wantContains(t, "Someone else saved this profile while you were editing it.", `value="Renamed"`)
		r.wantLacks(t, `value="Overwrite"`)

		// A year that is not a number is marked, and nothing is saved.
		form["version"] = []string{regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(r.body)[1]}
		form["org_year_founded"] = []string{"nineteen"}
		r = b.post("/organization", form)
		r.wantStatus(t, http.StatusUnprocessableEntity)
		if got := fieldError(r, "f-org_year_founded"); got != "Enter the year in digits, such as 2005." {
			t.Errorf("year: %q", got)
		}
	})
}

// TestMembershipCatalogKeysBuiltAtRunTime: the keys the pages build from
// the machines and the service's lists exist in English (and, by the
// catalog test, in every language).
func TestMembershipCatalogKeysBuiltAtRunTime(t *testing.T) {
	cat, err := i18n.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, tr := range membership.ApplicationMachine().Transitions {
		keys = append(keys, "event."+tr.Event, "state."+tr.To, "app.state_help_"+tr.To)
		if tr.Roles[0] != accord.RoleSystem {
			keys = append(keys, "action."+tr.Event)
		}
		if tr.CommentRequired {
			keys = append(keys, "field."+tr.Event+"_comment")
		}
	}
	keys = append(keys, "app.state_help_draft", "state.draft", "event.application_created", "event.note",
		"event.document_added", "event.document_removed", "event.membership_started", "event.membership_restarted",
		"field.approve_comment", "field.withdraw_confirm", "field.resign_confirm")
	for _, tr := range membership.MembershipMachine().Transitions {
		keys = append(keys, "event."+tr.Event, "state."+tr.To, "membership.state_help_"+tr.To)
		for _, st := range tr.From {
			keys = append(keys, "state."+st, "membership.state_help_"+st)
		}
		if tr.Roles[0] != accord.RoleSystem {
			keys = append(keys, "action."+tr.Event)
		}
		if tr.CommentRequired {
			keys = append(keys, "field."+tr.Event+"_comment")
		}
	}
	for _, k := range membership.DocumentKinds {
		keys = append(keys, "doc.kind_"+k)
	}
	for _, ch := range membership.UNCACChapters {
		keys = append(keys, "org.chapter_"+strings.ToLower(ch))
	}
	for _, st := range []string{membership.EcosocNone, membership.EcosocSpecial, membership.EcosocGeneral, membership.EcosocRoster} {
		keys = append(keys, "org.ecosoc_"+st)
	}
	for _, d := range []string{"non_profit", "independent_of_government", "not_political_party", "adheres_to_values"} {
		keys = append(keys, "field.org_"+d)
	}
	for _, m := range []string{"name", "registration_number"} {
		keys = append(keys, "dup.match_"+m)
	}
	for _, k := range keys {
		if !cat.Has(k) {
			t.Errorf("catalog lacks %s", k)
		}
	}
}
