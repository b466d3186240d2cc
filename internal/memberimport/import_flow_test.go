package memberimport_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/memberimport"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/testenv"
	"github.com/accord-coalition/accord/internal/workflow"
)

// scenario is one member list in two versions: with a bad country in
// badRow and an organisation already in Accord in dupRow, then corrected.
// created is what the corrected file creates; findable are names the
// public directory then finds.
type scenario struct {
	filename       string
	bad, corrected []byte
	badRow, dupRow int
	rows, created  int
	findable       []string
}

// TestImportMustShow runs the must-show on each kind of file a
// spreadsheet writes: preview with the error by row and column and the
// duplicate, apply refused, corrected file applied, the members in the
// public directory, the same file again creating nothing.
func TestImportMustShow(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		existing := e.Organization(membership.Organization{
			Name: "Transparence Maroc", NameEN: "Transparency Maroc", Country: "MA", RegistrationNumber: "RC-77",
		})
		arabic := e.Organization(membership.Organization{
			Name: "الجمعية الأردنية للنزاهة", NameEN: "Jordan Integrity Society", Country: "JO",
		})
		french := func(benin string) []byte {
			return withBOM(csvText(
				"Nom;Nom en anglais;Sigle;Pays;Ville;Numéro d'enregistrement;Courriel;Site web;Membre depuis",
				"Association Tunisienne pour l'Intégrité;Tunisian Integrity Association;ATI;Tunisie;Tunis;TN-123;Contact@ATI.example;www.ati.example;01/03/2015",
				"Transparence Maroc;;TM;MA;Rabat;rc 77;;;",
				";;;;;;;;",
				"Observatoire Béninois de la Gouvernance;Benin Governance Watch;OBG;"+benin+";Cotonou;BJ-9;;;2018",
			))
		}
		spanish := func(country any) []byte {
			return workbook(t,
				[]any{"Nombre", "Nombre en inglés", "Siglas", "País", "Ciudad", "Número de registro", "Correo electrónico", "Sitio web", "Miembro desde"},
				[]any{"Red Ciudadana Anticorrupción", "Citizen Anticorruption Network", "RCA", country, "Lima", "PE-1", "", "https://rca.example", 42005.0},
				[]any{"Transparencia Marroquí", "Transparency Morocco", "", "Marruecos", "", "RC 77", "", "", ""},
				[]any{"Acción Ciudadana", "Citizen Action", "AC", "GT", "Guatemala", "", "info@ac.example", "", "2010-06-30"},
			)
		}
		arabicCSV := func(country string) []byte {
			return cp1256(t, csvText(
				"الاسم,الاسم بالإنجليزية,الاختصار,البلد,المدينة,رقم التسجيل,البريد الإلكتروني,الموقع,عضو منذ",
				"الجمعية اللبنانية لتعزيز الشفافية,Lebanese Transparency Association,LTA,لبنان,بيروت,LB-5,,,2005",
				"الجمعيه الاردنيه للنزاهه,,,الأردن,عمان,,,,",
				"مرصد الشفافية,Transparency Observatory,,"+country+",,,,,",
			))
		}
		for _, sc := range []scenario{
			{filename: "membres.csv", bad: french("Atlantide"), corrected: french("Bénin"), badRow: 5, dupRow: 3, rows: 3, created: 2,
				findable: []string{"Tunisian Integrity Association", "Benin Governance Watch"}},
			{filename: "miembros.xlsx", bad: spanish("Narnia"), corrected: spanish("Perú"), badRow: 2, dupRow: 3, rows: 3, created: 2,
				findable: []string{"Citizen Anticorruption Network", "Citizen Action"}},
			{filename: "الأعضاء.csv", bad: arabicCSV("أطلانطس"), corrected: arabicCSV("مصر"), badRow: 4, dupRow: 3, rows: 3, created: 2,
				findable: []string{"Lebanese Transparency Association", "Transparency Observatory"}},
		} {
			t.Run(sc.filename, func(t *testing.T) {
				runScenario(t, e, sc, map[int]string{3: map[bool]string{true: existing.ID, false: arabic.ID}[sc.filename != "الأعضاء.csv"]})
			})
		}
	})
}

func runScenario(t *testing.T, e *testenv.Env, sc scenario, dupOrg map[int]string) {
	secretariat := e.Staff(accord.RoleSecretariat)

	bad := preview(t, e, secretariat, sc.filename, sc.bad)
	if bad.RowCount != sc.rows || bad.ValidCount != sc.rows-1 {
		t.Errorf("preview counts rows %d valid %d, want %d and %d", bad.RowCount, bad.ValidCount, sc.rows, sc.rows-1)
	}
	if len(bad.Errors) != 1 || !hasError(bad, sc.badRow, "country") {
		t.Errorf("preview errors = %+v, want one: row %d, country", bad.Errors, sc.badRow)
	}
	d, ok := duplicateOf(bad, sc.dupRow)
	if !ok || d.OrganizationID != dupOrg[sc.dupRow] {
		t.Errorf("preview duplicates = %+v, want row %d as organisation %s", bad.Duplicates, sc.dupRow, dupOrg[sc.dupRow])
	}
	before := e.Count("organizations", "1 = 1")
	p := testenv.Problem(t, apply(e, secretariat, bad), http.StatusUnprocessableEntity)
	if !strings.Contains(p.Detail, "errors") {
		t.Errorf("refusal says %q, want it to speak of the errors", p.Detail)
	}
	if n := e.Count("organizations", "1 = 1"); n != before {
		t.Fatalf("a refused apply created %d organisations", n-before)
	}
	if got := e.State("member_imports", bad.ID); got != memberimport.StatePreviewed {
		t.Errorf("refused import is %s, want previewed", got)
	}

	good := preview(t, e, secretariat, sc.filename, sc.corrected)
	if len(good.Errors) != 0 {
		t.Fatalf("corrected file still has errors: %+v", good.Errors)
	}
	var applied memberimport.View
	apply(e, secretariat, good).Want(t, http.StatusOK).Decode(t, &applied)
	if applied.State != memberimport.StateApplied || applied.CreatedCount != sc.created || applied.SkippedCount != sc.rows-sc.created {
		t.Errorf("applied: state %s created %d skipped %d, want applied %d %d", applied.State, applied.CreatedCount, applied.SkippedCount, sc.created, sc.rows-sc.created)
	}
	if n := e.Count("organizations", "1 = 1"); n != before+int64(sc.created) {
		t.Errorf("organisations grew by %d, want %d", n-before, sc.created)
	}
	for _, name := range sc.findable {
		r := e.Call(nil, http.MethodGet, "/directory?q="+url.QueryEscape(name), nil).Want(t, http.StatusOK)
		var page struct{ Items []membership.DirectoryEntry }
		if err := json.Unmarshal(r.Body, &page); err != nil || len(page.Items) != 1 || page.Items[0].NameEN != name {
			t.Errorf("directory search %q found %s", name, r.Body)
		}
	}
	// Every imported member's timeline says imported, by whom, from which file.
	events := e.AuditEvents(membership.KindMembership, membership.EventMembershipImported)
	found := 0
	for _, ev := range events {
		if ev.Data["import_id"] != good.ID {
			continue
		}
		found++
		if ev.ActorID != secretariat.ID || ev.Data["sha256"] != good.SHA256 || ev.Data["filename"] != sc.filename {
			t.Errorf("imported membership's event: actor %s data %v", ev.ActorID, ev.Data)
		}
		var hist struct{ Items []workflow.HistoryEntry }
		e.Call(secretariat, http.MethodGet, "/memberships/"+ev.EntityID+"/history", nil).Want(t, http.StatusOK).Decode(t, &hist)
		if len(hist.Items) == 0 || hist.Items[0].Event != membership.EventMembershipImported ||
			!strings.Contains(hist.Items[0].Comment, good.SHA256) || hist.Items[0].ActorID != secretariat.ID {
			t.Errorf("membership history = %+v", hist.Items)
		}
	}
	if found != sc.created {
		t.Errorf("%d imported memberships recorded, want %d", found, sc.created)
	}
	// The file is kept, with its hash.
	r := e.Call(secretariat, http.MethodGet, "/members/imports/"+good.ID+"/file", nil).Want(t, http.StatusOK)
	if string(r.Body) != string(sc.corrected) {
		t.Errorf("kept file differs from the upload")
	}

	again := preview(t, e, secretariat, sc.filename, sc.corrected)
	if len(again.Duplicates) != sc.rows {
		t.Errorf("the same file again: %d duplicates, want every row (%d)", len(again.Duplicates), sc.rows)
	}
	var second memberimport.View
	apply(e, secretariat, again).Want(t, http.StatusOK).Decode(t, &second)
	if second.CreatedCount != 0 {
		t.Errorf("the same file again created %d", second.CreatedCount)
	}
	if n := e.Count("organizations", "1 = 1"); n != before+int64(sc.created) {
		t.Errorf("the same file again changed the organisations by %d", n-before-int64(sc.created))
	}
	// An applied import cannot be applied again.
	testenv.Problem(t, apply(e, secretariat, second), http.StatusConflict)
}
