package webui_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
)

var appIDRE = regexp.MustCompile(`^/applications/([0-9a-f-]{36})`)

// TestApplicationFlowInArabic walks one application through the pages,
// in Arabic, from registration to approval: register, organisation,
// application, documents, submit, claim, request_info, respond, approve.
// Every form carries its CSRF token; every page is right to left and in
// Arabic.
func TestApplicationFlowInArabic(t *testing.T) {
	onEngines(t, newMemberSite, func(t *testing.T, s *memberSite) {
		ctx := context.Background()
		b := s.browser("ar")

		// Register, confirm the address, sign in.
		b.register(t, "أمينة الحداد", "amina@ngo.example", "كلمة مرور طويلة بما يكفي")
		userID := s.UserID("amina@ngo.example")
		token := s.MailedToken(userID, "verify_email")
		b.submit("/verify-email?token="+token, "/verify-email", url.Values{"token": {token}}).wantRedirect(t, "/login")
		b.SignIn("amina@ngo.example", "كلمة مرور طويلة بما يكفي")

		// Without an organisation, "my application" leads to describing it.
		b.get("/application").wantRedirect(t, "/organization?notice=organization_first")
		r := b.get("/organization?notice=organization_first")
		r.wantStatus(t, http.StatusOK)
		wantRTL(t, r)
		r.wantContains(t, "منظمتي", "قدّموا منظمتكم أولًا", `<option value="EG">مصر</option>`,
			"الفصل الخامس — استرداد الموجودات", `href="/application"`, "طلبي")

		// A year typed in Arabic-Indic digits is a year; a profile without
		// its name is refused beside the field, in Arabic, keeping the rest.
		profile := url.Values{
			"org_name_en": {"Transparency Society"}, "org_acronym": {"TS"}, "org_country": {"EG"},
			"org_city": {"القاهرة"}, "org_registration_number": {"1234/2004"},
			"org_registration_authority": {"وزارة التضامن الاجتماعي"}, "org_year_founded": {"٢٠٠٤"},
			"org_website": {"ngo.example.org"}, "org_email": {"office@ngo.example.org"}, "org_phone": {"+20 2 1234 5678"},
			"org_areas": {"الصفقات العمومية، الحق في الحصول على المعلومات"}, "org_uncac_chapters": {"II", "V"},
			"org_ecosoc_status": {"none"}, "org_non_profit": {"on"}, "org_independent_of_government": {"on"},
			"org_not_political_party": {"on"}, "org_adheres_to_values": {"on"},
		}
		r = b.submit("/organization", "/organization", profile)
		r.wantStatus(t, http.StatusUnprocessableEntity)
		wantRTL(t, r)
		if got := fieldError(r, "f-org_name"); got != "هذا الحقل مطلوب." {
			t.Errorf("error beside the name = %q", got)
		}
		r.wantContains(t, `value="القاهرة"`, `<option value="EG" selected>مصر</option>`)

		profile.Set("org_name", "جمعية الشفافية")
		b.submit("/organization", "/organization", profile).wantRedirect(t, "/application?notice=organization_created")
		var org struct {
			ID          string
			YearFounded int
			Region      string
			Website     string
		}
		s.db.Gorm.Table("organizations").Where("name = ?", "جمعية الشفافية").Take(&org)
		if org.YearFounded != 2004 || org.Region != "MENA" || org.Website != "https://ngo.example.org" {
			t.Errorf("organisation saved as %+v", org)
		}
		r = b.get("/organization")
		r.wantContains(t, "منطقة التحالف: الشرق الأوسط وشمال أفريقيا", `value="الصفقات العمومية, الحق في الحصول على المعلومات"`)

		// Start the application.
		r = b.get("/application?notice=organization_created")
		r.wantStatus(t, http.StatusOK)
		wantRTL(t, r)
		r.wantContains(t, "التقدّم بطلب العضوية", "أُنشئ ملف منظمتكم")
		r = b.submit("/application", "/applications", url.Values{"motivation": {"نعمل على رقابة الصفقات العمومية منذ عشرين عامًا."}})
		r.wantRedirect(t, "/applications/")
		m := appIDRE.FindStringSubmatch(r.Header.Get("Location"))
		if m == nil {
			t.Fatalf("redirected to %q", r.Header.Get("Location"))
		}
		appPath := "/applications/" + m[1]
		b.get("/application").wantRedirect(t, appPath)

		// Submitting before the documents lists what is missing.
		r = b.fireForm(appPath, "submit", nil)
		r.wantStatus(t, http.StatusUnprocessableEntity)
		wantRTL(t, r)
		r.wantContains(t, "قبل أن تتمكّنوا من تقديم الطلب:", "أرفقوا الوثيقة: النظام الأساسي",
			"أرفقوا الوثيقة: شهادة التسجيل", "أرفقوا الوثيقة: آخر تقرير سنوي أو تقرير أنشطة", "مسودة")
		r.wantLacks(t, "استكملوا الملف")

		// An executable named .pdf is refused by its content: 415, beside
		// the file field.
		r = b.upload(appPath, appPath+"/documents", map[string]string{"kind": "statutes"}, "file", "statutes.pdf", exeFile)
		r.wantStatus(t, http.StatusUnsupportedMediaType)
		wantRTL(t, r)
		if got := fieldError(r, "f-file"); !strings.Contains(got, "ليس وثيقة PDF") {
			t.Errorf("error beside the file field = %q", got)
		}
		for _, kind := range membership.RequiredDocuments {
			b.upload(appPath, appPath+"/documents", map[string]string{"kind": kind}, "file", kind+".pdf", pdfFile).
				wantRedirect(t, appPath+"?notice=document_added")
		}
		r = b.get(appPath + "?notice=document_added")
		r.wantContains(t, "statutes.pdf", "registration.pdf", "report.pdf", "1 كيلوبايت", "أُضيفت الوثيقة.")
		b.fireForm(appPath, "submit", nil).wantRedirect(t, appPath+"?notice=event_submit")
		r = b.get(appPath + "?notice=event_submit")
		wantRTL(t, r)
		r.wantContains(t, "قُدّم طلبكم", "مقدَّم", "في انتظار أن يتولّاه أحد منسّقي منطقتكم.")
		if got := offered(r); strings.Join(got, ",") != "withdraw" {
			t.Errorf("submitted application offers the applicant %v, want [withdraw]", got)
		}

		// The coordinator of MENA finds it in the queue, and claims it.
		coord, coordActor := s.staff(accord.RoleCoordinator, "ar", "MENA")
		r = coord.get("/review")
		r.wantStatus(t, http.StatusOK)
		wantRTL(t, r)
		r.wantContains(t, "قائمة الطلبات للدراسة", "جمعية الشفافية", "أقل من يوم", "طلب واحد معروض", `href="`+appPath+`"`)
		r = coord.get(appPath)
		wantRTL(t, r)
		r.wantContains(t, "دراسة طلب: جمعية الشفافية", "نعمل على رقابة الصفقات العمومية", "statutes.pdf")
		if got := strings.Join(offered(r), ","); got != "claim,recuse" {
			t.Errorf("coordinator offered %s on a submitted application, want claim,recuse", got)
		}
		coord.fireForm(appPath, "claim", nil).wantRedirect(t, appPath+"?notice=event_claim")
		r = coord.get(appPath)
		if got := strings.Join(offered(r), ","); got != "approve,recuse,reject,request_info" {
			t.Errorf("reviewer offered %s, want approve,recuse,reject,request_info", got)
		}
		dl := coord.get(r.find(t, `href="(`+appPath+`/documents/[0-9a-f-]+)" download`))
		dl.wantStatus(t, http.StatusOK)
		if dl.body != string(pdfFile) || !strings.HasPrefix(dl.Header.Get("Content-Disposition"), "attachment") {
			t.Errorf("download: %q, disposition %q", dl.body, dl.Header.Get("Content-Disposition"))
		}

		// An internal note, for reviewers only.
		coord.submit(appPath, appPath+"/notes", url.Values{"note_text": {"ملاحظة سرية: نعرف رئيس الجمعية"}}).
			wantRedirect(t, appPath+"?notice=note_added")
		coord.get(appPath).wantContains(t, "ملاحظة سرية: نعرف رئيس الجمعية", "للمراجعين فقط")

		// A request for information needs its questions.
		r = coord.fireForm(appPath, "request_info", map[string]string{"comment": "  "})
		r.wantStatus(t, http.StatusUnprocessableEntity)
		wantRTL(t, r)
		if got := fieldError(r, "f-request_info_comment"); got != "هذا الحقل مطلوب." {
			t.Errorf("error beside the questions = %q", got)
		}
		coord.fireForm(appPath, "request_info", map[string]string{"comment": "يرجى إرسال آخر بيان مالي."}).
			wantRedirect(t, appPath)

		// The applicant sees the questions, never the note, and answers
		// with a document.
		r = b.get(appPath)
		wantRTL(t, r)
		r.wantContains(t, "بانتظار معلومات", "يسأل المسؤول عن دراسة الطلب", "يرجى إرسال آخر بيان مالي.", "الرد قبل")
		r.wantLacks(t, "ملاحظة سرية", "نعرف رئيس الجمعية")
		if got := strings.Join(offered(r), ","); got != "respond,withdraw" {
			t.Errorf("applicant offered %s while information is requested", got)
		}
		r = b.upload(appPath, appPath+"/transitions", map[string]string{
			"event": "respond", "version": versionIn(t, r, transitionsOf(appPath), "respond"),
			"comment": "أرفقنا البيان المالي لعام 2025.", "respond_kind": "financial",
		}, "respond_file", "financial.pdf", pdfFile)
		r.wantRedirect(t, appPath+"?notice=event_respond")
		r = b.get(appPath)
		r.wantContains(t, "financial.pdf", "البيان المالي", "أرفقنا البيان المالي لعام 2025.", "قيد الدراسة")

		// The reviewer approves; the applicant is a member.
		coord.fireForm(appPath, "approve", map[string]string{"comment": "مرحبًا بكم."}).wantRedirect(t, appPath)
		r = b.get(appPath)
		wantRTL(t, r)
		r.wantContains(t, "مقبول", "تمت الموافقة: منظمتكم عضو في التحالف.", "مرحبًا بكم.", "الاطلاع على عضويتكم")
		r = b.get(r.find(t, `href="(/memberships/[0-9a-f-]+)"`))
		r.wantStatus(t, http.StatusOK)
		wantRTL(t, r)
		r.wantContains(t, "العضوية", "فاعلة", "جمعية الشفافية", "إقراراتكم")

		// The timeline lists the public steps once each, in order; the
		// reviewer's claim and note are not among them.
		h, err := s.svc.ApplicationHistory(ctx, accord.Actor{UserID: userID, Role: accord.RoleApplicant, OrganizationID: org.ID}, m[1])
		if err != nil {
			t.Fatal(err)
		}
		var events []string
		for _, e := range h {
			events = append(events, e.Event)
		}
		if got := strings.Join(events, ","); got != "submit,request_info,respond,approve" {
			t.Errorf("applicant's history = %s", got)
		}
		r = b.get(appPath)
		order := []string{"قُدّم الطلب", "طُلبت معلومات إضافية", "أُرسل الرد", "تمت الموافقة"}
		last := -1
		for _, label := range order {
			i := strings.Index(r.body, `<strong>`+label+`</strong>`)
			if i < 0 || i < last {
				t.Errorf("timeline entry %q missing or out of order", label)
			}
			last = i
		}
		r.wantLacks(t, "تولّى أحد المنسّقين دراسته")
		_ = coordActor
	})
}
