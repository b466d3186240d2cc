package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/report"
)

func TestVisaLetters(t *testing.T) {
	withFixture(t, func(t *testing.T, e *env, f *fixture) {
		letterOf := func(id string) string { return "/delegates/" + id + "/visa-letter" }

		// Before any letter: nothing to download.
		e.get(f.sec, letterOf(f.laila)+".pdf").want(t, "no letter yet", http.StatusNotFound)

		// Who may write one.
		e.send(f.egypt.Applicant, http.MethodPost, letterOf(f.laila)).want(t, "own applicant writes", http.StatusForbidden)
		e.send(f.brazil.Applicant, http.MethodPost, letterOf(f.laila)).want(t, "other applicant", http.StatusNotFound)
		e.send(f.state, http.MethodPost, letterOf(f.laila)).want(t, "State party", http.StatusNotFound)
		e.send(nil, http.MethodPost, letterOf(f.laila)).want(t, "public", http.StatusUnauthorized)
		// For whom: a delegate who asked, confirmed, of an accredited
		// organisation.
		e.send(f.sec, http.MethodPost, letterOf(f.omar)).want(t, "did not ask", http.StatusUnprocessableEntity)
		e.send(f.sec, http.MethodPost, letterOf(f.brazilDelegate)).want(t, "not accredited", http.StatusConflict)
		e.send(f.sec, http.MethodPost, letterOf(f.jordanDelegate)).want(t, "not confirmed", http.StatusConflict)
		e.send(f.sec, http.MethodPost, letterOf("not-a-uuid")).want(t, "no delegate", http.StatusNotFound)

		r := e.send(f.sec, http.MethodPost, letterOf(f.laila)).want(t, "generate", http.StatusCreated)
		var letter report.VisaLetter
		if err := json.Unmarshal(r.body, &letter); err != nil || letter.DelegateID != f.laila || letter.Locale != "en" || len(letter.SHA256) != 64 {
			t.Fatalf("letter %s (%v)", r.body, err)
		}
		pdf := e.get(f.sec, letterOf(f.laila)+".pdf").want(t, "download", http.StatusOK)
		if pdf.header.Get("Content-Type") != "application/pdf" || len(pdf.body) != letter.Size {
			t.Fatalf("download: %q, %d bytes of %d", pdf.header.Get("Content-Type"), len(pdf.body), letter.Size)
		}
		text := pdfText(t, pdf.body)
		for _, s := range []string{"Visa support letter", "To whom it may concern", "Ms Laila AHMED", "ليلى أحمد",
			lailaPassport, "Egypt", "الجمعية المصرية للشفافية", "Egyptian Association for Transparency",
			"Eleventh session of the Conference of the States Parties", "Vienna International Centre", letter.ID} {
			if !strings.Contains(text, s) {
				t.Errorf("letter lacks %q:\n%s", s, text)
			}
		}
		// The organisation's applicants download it; others may not learn
		// it exists.
		e.get(f.egypt.Applicant, letterOf(f.laila)+".pdf").want(t, "own applicant", http.StatusOK)
		e.get(f.brazil.Applicant, letterOf(f.laila)+".pdf").want(t, "other applicant", http.StatusNotFound)
		e.get(f.state, letterOf(f.laila)+".pdf").want(t, "State party", http.StatusNotFound)
		e.get(f.coordinator, letterOf(f.laila)+".pdf").want(t, "coordinator", http.StatusNotFound)
		e.get(nil, letterOf(f.laila)+".pdf").want(t, "public", http.StatusUnauthorized)

		// Listing the latest letters follows the same rule as downloading.
		latest, err := e.reports.LatestVisaLetters(context.Background(), f.egypt.Applicant.Actor(), f.egypt.Request)
		if err != nil || latest[f.laila].ID != letter.ID || latest[f.laila].Locale != "en" {
			t.Errorf("own applicant lists %+v (%v), want the letter just written", latest, err)
		}
		if _, err := e.reports.LatestVisaLetters(context.Background(), f.brazil.Applicant.Actor(), f.egypt.Request); accord.KindOf(err) != accord.KindNotFound {
			t.Errorf("other applicant listing letters: %v, want not found", err)
		}

		// In Arabic, the latest letter is the one downloaded.
		e.send(f.sec, http.MethodPost, letterOf(f.laila)+"?lang=ar").want(t, "arabic", http.StatusCreated)
		ar := pdfText(t, e.get(f.sec, letterOf(f.laila)+".pdf").want(t, "arabic download", http.StatusOK).body)
		for _, s := range []string{"إلى من يهمه الأمر", "رسالة دعم طلب تأشيرة", "الدورة الحادية عشرة لمؤتمر الدول الأطراف", "مصر", lailaPassport} {
			if !strings.Contains(ar, s) {
				t.Errorf("Arabic letter lacks %q:\n%s", s, ar)
			}
		}

		// Stored sealed: the passport number is not in the database in clear.
		var sealed [][]byte
		if err := e.DB.WithContext(context.Background()).Table("visa_letters").Pluck("pdf_sealed", &sealed).Error; err != nil {
			t.Fatal(err)
		}
		for _, s := range sealed {
			if bytes.HasPrefix(s, []byte("%PDF")) || bytes.Contains(s, []byte(lailaPassport)) {
				t.Error("a letter is stored in clear")
			}
		}

		// Audited: two generations, each reading the passport, and three
		// downloads.
		if n := len(e.auditEvents("visa_letter", "visa_letter_generated")); n != 2 {
			t.Errorf("%d generation events, want 2", n)
		}
		downloads := e.auditEvents("visa_letter", "visa_letter_downloaded")
		if len(downloads) != 3 || downloads[1].ActorID != f.egypt.Applicant.ID || downloads[0].Data["delegate_id"] != f.laila {
			t.Errorf("download events: %+v", downloads)
		}
		if n := len(e.auditEvents("delegate", "passport_read")); n != 2 {
			t.Errorf("%d passport readings audited, want 2", n)
		}

		// Erased with the passport numbers once the retention has run.
		e.Clock.Advance(250 * 24 * time.Hour) // the conference ends in July; 90 days more
		n, err := e.reports.PurgeVisaLetters(context.Background())
		if err != nil || n != 2 {
			t.Fatalf("purged %d (%v), want 2", n, err)
		}
		e.get(f.sec, letterOf(f.laila)+".pdf").want(t, "after purge", http.StatusNotFound)
		if n, _ := e.reports.PurgeVisaLetters(context.Background()); n != 0 {
			t.Errorf("purged %d again", n)
		}
	})
}
