package memberimport_test

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/memberimport"
	"github.com/accord-coalition/accord/internal/testenv"
)

var smallList = []byte(csvText("name,country", "Integrity Watch,EG"))

// TestOnlyTheSecretariatImports: others may not upload (403), and an
// import is not found for them (404), whatever they try on it.
func TestOnlyTheSecretariatImports(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		secretariat := e.Staff(accord.RoleSecretariat)
		v := preview(t, e, secretariat, "list.csv", smallList)
		for _, u := range []*testenv.User{
			e.Staff(accord.RoleCoordinator, "MENA"), e.Staff(accord.RoleAdmin), e.Applicant("en"), e.Staff(accord.RoleStateParty),
		} {
			t.Run(string(u.Role), func(t *testing.T) {
				testenv.Problem(t, upload(e, u, "list.csv", smallList), http.StatusForbidden)
				testenv.Problem(t, e.Call(u, http.MethodGet, "/members/imports/"+v.ID, nil), http.StatusNotFound)
				testenv.Problem(t, e.Call(u, http.MethodGet, "/members/imports/"+v.ID+"/file", nil), http.StatusNotFound)
				testenv.Problem(t, e.Call(u, http.MethodGet, "/members/imports/"+v.ID+"/history", nil), http.StatusNotFound)
				testenv.Problem(t, apply(e, u, v), http.StatusNotFound)
			})
		}
		testenv.Problem(t, upload(e, nil, "list.csv", smallList), http.StatusUnauthorized)
		if got := e.State("member_imports", v.ID); got != memberimport.StatePreviewed {
			t.Errorf("import is %s after others tried it, want previewed", got)
		}
		var hist struct{ Items []struct{ Event string } }
		e.Call(secretariat, http.MethodGet, "/members/imports/"+v.ID+"/history", nil).Want(t, http.StatusOK).Decode(t, &hist)
		if len(hist.Items) != 1 || hist.Items[0].Event != memberimport.EventUploaded {
			t.Errorf("history = %+v, want the upload only", hist.Items)
		}
		// Discarding ends an import without creating anything.
		var discarded memberimport.View
		e.Call(secretariat, http.MethodPost, "/members/imports/"+v.ID+"/transitions",
			map[string]any{"event": "discard", "version": v.Version}).Want(t, http.StatusOK).Decode(t, &discarded)
		if discarded.State != memberimport.StateDiscarded || e.Count("organizations", "name = ?", "Integrity Watch") != 0 {
			t.Errorf("discard: state %s", discarded.State)
		}
	})
}

// TestImportRefusesWhatItCannotRead: too large (413), not a spreadsheet
// (415), not multipart (415), no name or country column (422).
func TestImportRefusesWhatItCannotRead(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		secretariat := e.Staff(accord.RoleSecretariat)
		big := append([]byte("name,country\n"), bytes.Repeat([]byte("x"), memberimport.MaxFileBytes)...)
		testenv.Problem(t, upload(e, secretariat, "big.csv", big), http.StatusRequestEntityTooLarge)
		testenv.Problem(t, upload(e, secretariat, "scan.pdf", []byte("%PDF-1.7\n\x00\x01\x02binary")), http.StatusUnsupportedMediaType)
		testenv.Problem(t, upload(e, secretariat, "old.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}), http.StatusUnsupportedMediaType)
		testenv.Problem(t, upload(e, secretariat, "fake.xlsx", []byte("PK\x03\x04not really a zip")), http.StatusUnsupportedMediaType)
		testenv.Problem(t, e.Call(secretariat, http.MethodPost, "/members/imports", map[string]any{"file": "x"}), http.StatusUnsupportedMediaType)
		p := testenv.Problem(t, upload(e, secretariat, "list.csv", []byte(csvText("organisation,city", "Integrity Watch,Cairo"))), http.StatusUnprocessableEntity)
		if !testenv.HasField(p, "file") {
			t.Errorf("missing country column: problem %+v, want the file field", p)
		}
		if n := e.Count("member_imports", "1 = 1"); n != 0 {
			t.Errorf("%d imports kept from refused uploads", n)
		}
	})
}
