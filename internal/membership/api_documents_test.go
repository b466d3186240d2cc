package membership_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"mime"
	"net/http"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
)

// TestDocumentTypesAndLimits: the content decides the type, whatever the
// name; anything but PDF, PNG, JPEG and DOCX is 415; 10 MB is accepted and
// one byte more is 413.
func TestDocumentTypesAndLimits(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("en")
		a := e.draft(sc.applicant, sc.org.ID)
		docx := membership.ZipArchive(t, "[Content_Types].xml", "_rels/.rels", "word/document.xml")
		accepted := []struct {
			name, filename string
			data           []byte
			contentType    string
			wantName       string
		}{
			{"pdf", "statutes.pdf", pdfFile, membership.TypePDF, "statutes.pdf"},
			{"png named .docx", "scan.docx", pngFile, membership.TypePNG, "scan.png"},
			{"jpeg", "certificate.JPG", jpegFile, membership.TypeJPEG, "certificate.jpg"},
			{"docx", "report.docx", docx, membership.TypeDOCX, "report.docx"},
			{"path and bidi override in the name", "C:\\Users\\x\\\u202efdp.exe", pdfFile, membership.TypePDF, "fdp.pdf"},
		}
		for _, c := range accepted {
			var d membership.Document
			e.upload(sc.applicant, a.ID, "other", c.filename, c.data).want(t, http.StatusCreated).decode(t, &d)
			sum := sha256.Sum256(c.data)
			if d.ContentType != c.contentType || d.Filename != c.wantName || d.Size != int64(len(c.data)) || d.SHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("%s: stored as %+v", c.name, d)
			}
		}
		refused := []struct {
			name string
			data []byte
		}{
			{"an executable renamed .pdf", exeFile},
			{"a ZIP that is not a Word document", membership.ZipArchive(t, "[Content_Types].xml", "xl/workbook.xml")},
			{"a ZIP without a content-types part", membership.ZipArchive(t, "word/document.xml")},
			{"HTML", []byte("<!DOCTYPE html><script>alert(1)</script>")},
			{"a PDF header too late", append([]byte(" "), pdfFile...)},
		}
		for _, c := range refused {
			if res := e.upload(sc.applicant, a.ID, "statutes", "statutes.pdf", c.data); res.Status != http.StatusUnsupportedMediaType {
				t.Errorf("%s: status %d, want 415: %s", c.name, res.Status, res.Body)
			}
		}
		e.upload(sc.applicant, a.ID, "statutes", "empty.pdf", nil).problem(t, http.StatusUnprocessableEntity)
		p := e.upload(sc.applicant, a.ID, "passport", "statutes.pdf", pdfFile).problem(t, http.StatusUnprocessableEntity)
		if !hasField(p, "kind") {
			t.Fatalf("bad kind: %+v", p)
		}
		e.upload(sc.applicant, a.ID, "", "statutes.pdf", pdfFile).problem(t, http.StatusUnprocessableEntity)
		e.do("POST", "/membership-applications/"+a.ID+"/documents", sc.applicant, map[string]string{"kind": "statutes"}).
			problem(t, http.StatusUnsupportedMediaType)

		exact := bytes.Repeat([]byte{'x'}, membership.MaxDocumentBytes)
		copy(exact, "%PDF-1.7\n")
		e.upload(sc.applicant, a.ID, "financial", "accounts.pdf", exact).want(t, http.StatusCreated)
		e.upload(sc.applicant, a.ID, "financial", "accounts.pdf", append(exact, 'x')).problem(t, http.StatusRequestEntityTooLarge)

		if n := e.count("application_documents", "application_id = ?", a.ID); n != int64(len(accepted)+1) {
			t.Fatalf("%d documents stored, want %d", n, len(accepted)+1)
		}
		if n := e.count("document_blobs", "1 = 1"); n != int64(len(accepted)+1) {
			t.Fatalf("%d blobs stored, want %d", n, len(accepted)+1)
		}
	})
}

// TestDocumentDownloadAndRemoval: documents are served as attachments to
// those who may see the application, and the applicant removes them while
// it may still change what it sends.
func TestDocumentDownloadAndRemoval(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("en")
		a := e.draft(sc.applicant, sc.org.ID)
		var d membership.Document
		e.upload(sc.applicant, a.ID, "statutes", `النظام الأساسي "2024".pdf`, pdfFile).want(t, http.StatusCreated).decode(t, &d)

		// A draft is the applicant's alone: staff do not find it.
		for _, u := range []*user{sc.coordinator, sc.secretariat} {
			e.do("GET", "/membership-applications/"+a.ID+"/documents/"+d.ID, u, nil).problem(t, http.StatusNotFound)
		}
		for _, u := range []*user{sc.applicant} {
			res := e.do("GET", "/membership-applications/"+a.ID+"/documents/"+d.ID, u, nil).want(t, http.StatusOK)
			if !bytes.Equal(res.Body, pdfFile) || res.Header.Get("Content-Type") != membership.TypePDF ||
				res.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Fatalf("download: %q %q", res.Header.Get("Content-Type"), res.Header.Get("X-Content-Type-Options"))
			}
			disp, params, err := mime.ParseMediaType(res.Header.Get("Content-Disposition"))
			if err != nil || disp != "attachment" || params["filename"] != "النظام الأساسي 2024.pdf" {
				t.Fatalf("Content-Disposition %q: %s %v (%v)", res.Header.Get("Content-Disposition"), disp, params, err)
			}
		}
		other := e.staff(accord.RoleCoordinator, "ASP")
		e.do("GET", "/membership-applications/"+a.ID+"/documents/"+d.ID, other, nil).problem(t, http.StatusNotFound)
		// A document is found only under its own application.
		b := e.applicant("en")
		bo := e.organization(b, profile("Open Budget Watch", "Open Budget Watch", "ID"))
		ba := e.draft(b, bo.ID)
		e.do("GET", "/membership-applications/"+ba.ID+"/documents/"+d.ID, b, nil).problem(t, http.StatusNotFound)
		e.do("DELETE", "/membership-applications/"+ba.ID+"/documents/"+d.ID, b, nil).problem(t, http.StatusNotFound)

		e.do("DELETE", "/membership-applications/"+a.ID+"/documents/"+d.ID, sc.coordinator, nil).problem(t, http.StatusNotFound)
		e.do("DELETE", "/membership-applications/"+a.ID+"/documents/"+d.ID, sc.applicant, nil).want(t, http.StatusNoContent)
		e.do("GET", "/membership-applications/"+a.ID+"/documents/"+d.ID, sc.applicant, nil).problem(t, http.StatusNotFound)
		if n := e.count("document_blobs", "1 = 1"); n != 0 {
			t.Fatalf("%d blobs left after removal", n)
		}
		if got := e.history(sc.applicant, a.ID); len(got) != 0 {
			t.Fatalf("applicant timeline of a draft: %+v", got)
		}
		// Once submitted, staff read the whole story, the draft's included.
		e.attachRequired(sc.applicant, a.ID)
		e.mustFire(sc.applicant, a.ID, "submit", "", membership.AppSubmitted)
		var staffView []string
		for _, h := range e.history(sc.coordinator, a.ID) {
			staffView = append(staffView, h.Event)
		}
		if got := strings.Join(staffView, ","); !strings.HasPrefix(got, "application_created,document_added,document_removed,") {
			t.Fatalf("staff timeline %s", got)
		}
	})
}
