package webui_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
)

// TestCoordinatorSeesOnlyItsRegion: a coordinator's queue lists its
// regions' applications and no other, whatever the filters ask; another
// region's application is not found; the secretariat sees every region.
func TestCoordinatorSeesOnlyItsRegion(t *testing.T) {
	onEngines(t, newMemberSite, func(t *testing.T, s *memberSite) {
		egypt := s.submittedApplication("جمعية الشفافية المصرية", "Egyptian Transparency Society", "EG", "en")
		kenya := s.submittedApplication("Kenya Integrity Forum", "Kenya Integrity Forum", "KE", "en")
		mena, _ := s.staff(accord.RoleCoordinator, "en", "MENA")

		for _, q := range []string{"", "?region=AFR", "?country=KE", "?q=kenya", "?state=submitted"} {
			r := mena.get("/review" + q)
			r.wantStatus(t, http.StatusOK)
			r.wantLacks(t, "Kenya Integrity Forum")
			if q == "" || q == "?region=AFR" || q == "?state=submitted" {
				r.wantContains(t, "جمعية الشفافية المصرية", "1 application shown")
			}
		}
		// The filters offer the coordinator its own region and countries only.
		r := mena.get("/review")
		r.wantContains(t, `<option value="MENA">Middle East and North Africa</option>`, `<option value="EG">Egypt</option>`)
		r.wantLacks(t, `<option value="AFR">`, `<option value="KE">`)
		mena.get("/applications/"+kenya.app.ID).wantStatus(t, http.StatusNotFound)
		mena.get("/applications/"+egypt.app.ID).wantStatus(t, http.StatusOK)

		hub, _ := s.staff(accord.RoleSecretariat, "fr")
		r = hub.get("/review")
		r.wantContains(t, "Kenya Integrity Forum", "جمعية الشفافية المصرية", "2 demandes affichées", `<option value="AFR">`)
		r = hub.get("/review?region=AFR")
		r.wantContains(t, "Kenya Integrity Forum", "1 demande affichée")
		r.wantLacks(t, "جمعية الشفافية المصرية")

		// Applicants and the public have no queue.
		app := s.browser("en")
		app.signIn(egypt.email)
		app.get("/review").wantStatus(t, http.StatusForbidden)
		s.browser("en").get("/review").wantRedirect(t, "/login")
		// Nor does an applicant see another organisation's application.
		app.get("/applications/"+kenya.app.ID).wantStatus(t, http.StatusNotFound)
	})
}

// TestReviewOffersExactlyTheAllowedActions: in each state, each reader's
// page offers one form per event the service allows that reader now, and
// no other.
func TestReviewOffersExactlyTheAllowedActions(t *testing.T) {
	onEngines(t, newMemberSite, func(t *testing.T, s *memberSite) {
		ctx := context.Background()
		a := s.submittedApplication("منظمة النزاهة", "Integrity Organisation", "JO", "es")
		coordB, coord := s.staff(accord.RoleCoordinator, "es", "MENA")
		hubB, hub := s.staff(accord.RoleSecretariat, "es")
		appB := s.browser("es")
		appB.signIn(a.email)
		path := "/applications/" + a.app.ID

		check := func(stage string, want map[string][]string) {
			t.Helper()
			for _, who := range []struct {
				name  string
				b     *browser
				actor accord.Actor
			}{{"applicant", appB, a.actor}, {"coordinator", coordB, coord}, {"secretariat", hubB, hub}} {
				v, err := s.svc.GetApplication(ctx, who.actor, a.app.ID)
				if err != nil {
					t.Fatal(err)
				}
				allowed := slices.DeleteFunc(slices.Clone(v.AllowedEvents), func(e string) bool { return e == "submit" })
				slices.Sort(allowed)
				expected := want[who.name]
				slices.Sort(expected)
				got := offered(who.b.get(path))
				if strings.Join(got, ",") != strings.Join(expected, ",") || strings.Join(allowed, ",") != strings.Join(expected, ",") {
					t.Errorf("%s, %s: page offers %v, service allows %v, want %v", stage, who.name, got, allowed, expected)
				}
			}
		}
		check("submitted", map[string][]string{
			"applicant": {"withdraw"}, "coordinator": {"claim", "recuse"}, "secretariat": {"claim"},
		})
		s.fire(coord, a.app.ID, "claim", "")
		check("under review", map[string][]string{
			"applicant":   {"withdraw"},
			"coordinator": {"recuse", "request_info", "approve", "reject"},
			"secretariat": {"request_info", "approve", "reject"},
		})
		s.fire(coord, a.app.ID, "reject", "Los estatutos no corresponden a una ONG.")
		check("rejected", map[string][]string{"applicant": {"appeal"}, "coordinator": {}, "secretariat": {}})
		r := appB.get(path)
		r.wantContains(t, "Motivos indicados", "Los estatutos no corresponden a una ONG.", "Apelar antes del")

		// The appeal is the applicant's, with its grounds.
		r = appB.fireForm(path, "appeal", map[string]string{"comment": ""})
		r.wantStatus(t, http.StatusUnprocessableEntity)
		if got := fieldError(r, "f-appeal_comment"); got == "" || !strings.Contains(r.body, "Motivos de su apelación") {
			t.Errorf("blank grounds: error %q", got)
		}
		appB.fireForm(path, "appeal", map[string]string{"comment": "Adjuntamos la prueba de nuestra independencia."}).
			wantRedirect(t, path+"?notice=event_appeal")
		// The original reviewer may not decide the appeal; the secretariat may.
		check("appealed", map[string][]string{"applicant": {}, "coordinator": {}, "secretariat": {"overturn", "uphold"}})
		r = hubB.fireForm(path, "uphold", map[string]string{"comment": "Se confirma."})
		r.wantRedirect(t, path)
		check("rejected_final", map[string][]string{"applicant": {}, "coordinator": {}, "secretariat": {}})
		appB.get(path).wantContains(t, "Rechazo definitivo", "Esta decisión es definitiva.", "Se confirma.")
		// Firing anyway what is not offered is refused.
		appB.fireFormAt(path, "appeal", "99", map[string]string{"comment": "otra vez"}).wantStatus(t, http.StatusConflict)
	})
}

// TestStaleFormShowsConflict: a form read before someone else acted is
// refused with 409, and the page says so in the reader's language and
// shows the application as it now is.
func TestStaleFormShowsConflict(t *testing.T) {
	onEngines(t, newMemberSite, func(t *testing.T, s *memberSite) {
		a := s.submittedApplication("جمعية الرقابة", "Oversight Society", "TN", "fr")
		coordB, _ := s.staff(accord.RoleCoordinator, "ar", "MENA")
		_, hub := s.staff(accord.RoleSecretariat, "en")
		path := "/applications/" + a.app.ID

		page := coordB.get(path)
		stale := versionIn(t, page, transitionsOf(path), "claim")
		// The secretariat claims it meanwhile.
		s.fire(hub, a.app.ID, "claim", "")
		r := coordB.postEvent(page, path, "claim", stale, nil)
		r.wantStatus(t, http.StatusConflict)
		wantRTL(t, r)
		r.wantContains(t, "تغيّر هذا الطلب أثناء اطّلاعكم عليه", "قيد الدراسة")
		if len(offered(r)) != 0 {
			t.Errorf("after the secretariat claimed, the coordinator is offered %v", offered(r))
		}

		// The applicant's motivation form read before a change is stale too.
		appB := s.browser("fr")
		appB.signIn(a.email)
		v := s.fire(hub, a.app.ID, "request_info", "Précisez vos activités.")
		page = appB.get(path)
		m := csrfRE.FindStringSubmatch(page.body)[1]
		version := versionIn(t, page, transitionsOf(path), "respond")
		// Another person of the organisation changes the motivation.
		if _, err := s.svc.UpdateApplication(context.Background(), a.actor, a.app.ID,
			membership.ApplicationPatch{Version: v.Version, Motivation: "Changée ailleurs."}); err != nil {
			t.Fatal(err)
		}
		r = appB.post(path+"/motivation", map[string][]string{"csrf_token": {m}, "version": {version}, "motivation": {"Mon texte"}})
		r.wantStatus(t, http.StatusConflict)
		r.wantContains(t, "Cette demande a changé pendant que vous la consultiez", "Changée ailleurs.")
	})
}

// TestApplicantNeverSeesInternalNotes: reviewers' notes, claims and
// recusals stay on the reviewers' page, escaped, and never reach the
// applicant's.
func TestApplicantNeverSeesInternalNotes(t *testing.T) {
	onEngines(t, newMemberSite, func(t *testing.T, s *memberSite) {
		a := s.submittedApplication("Transparencia Ya", "Transparency Now", "PE", "es")
		coordB, coord := s.staff(accord.RoleCoordinator, "es", "AME")
		path := "/applications/" + a.app.ID
		note := "Conozco a la directora " + hostile
		coordB.submit(path, path+"/notes", map[string][]string{"note_text": {note}}).wantRedirect(t, path+"?notice=note_added")
		s.fire(coord, a.app.ID, "claim", "")
		r := coordB.get(path)
		r.wantContains(t, "Conozco a la directora &lt;script&gt;alert(1)&lt;/script&gt;", "Nota interna", "solo revisores")
		r.wantLacks(t, hostile)

		// A blank note is refused beside its field.
		r = coordB.submit(path, path+"/notes", map[string][]string{"note_text": {"   "}})
		r.wantStatus(t, http.StatusUnprocessableEntity)
		if got := fieldError(r, "f-note_text"); got != "Este campo es obligatorio." {
			t.Errorf("blank note: %q", got)
		}

		appB := s.browser("es")
		appB.signIn(a.email)
		r = appB.get(path)
		r.wantStatus(t, http.StatusOK)
		r.wantLacks(t, "Conozco a la directora", "Nota interna", "Asumida por una persona revisora", "solo revisores")
		// Nor may the applicant write one.
		appB.submit(path, path+"/notes", map[string][]string{"note_text": {"hola"}}).wantStatus(t, http.StatusForbidden)
	})
}

// TestQueueAgeInArabic: the days an application has waited take the
// Arabic plural form their number needs.
func TestQueueAgeInArabic(t *testing.T) {
	onEngines(t, newMemberSite, func(t *testing.T, s *memberSite) {
		s.submittedApplication("جمعية الانتظار", "Waiting Society", "IQ", "ar")
		coordB, _ := s.staff(accord.RoleCoordinator, "ar", "MENA")
		for _, step := range []struct {
			days int
			want string
		}{{0, "أقل من يوم"}, {1, "يوم واحد"}, {1, "يومان"}, {3, "5 أيام"}, {6, "11 يومًا"}} {
			s.clock.Advance(time.Duration(step.days) * 24 * time.Hour)
			r := coordB.get("/review")
			r.wantStatus(t, http.StatusOK)
			if !strings.Contains(r.body, "<td>"+step.want+"</td>") {
				t.Errorf("after %s the queue does not say %q", s.clock.Now().Format(time.DateOnly), step.want)
			}
		}
	})
}
