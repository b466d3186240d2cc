package memberimport_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/testenv"
)

// TestImportPages walks the secretariat through the pages in French:
// upload, the preview with the error by row and column and the duplicate
// linked, apply refused without the box ticked and while errors remain,
// then the corrected file applied and its result.
func TestImportPages(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		e.Organization(membership.Organization{Name: "Transparence Maroc", NameEN: "Transparency Maroc", Country: "MA"})
		secretariat := e.Person(auth.CreateUserInput{Role: accord.RoleSecretariat, Locale: "fr"})
		b := e.Browser("fr")
		b.SignIn(secretariat.Email, testenv.Password)

		form := b.Get("/members/imports")
		form.WantStatus(t, http.StatusOK)
		form.WantContains(t, "Importer une liste de membres", `name="file"`, "Membre depuis")

		list := func(country string) []byte {
			return withBOM(csvText("Nom;Pays;Ville", "Transparence Maroc;Maroc;Rabat", "Observatoire Citoyen;"+country+";Dakar"))
		}
		bad := b.Upload("/members/imports", "/members/imports", nil, "file", "membres.csv", list("Atlantide"))
		bad.WantRedirect(t, "/members/imports/")
		badPath := bad.Header.Get("Location")
		page := b.Get(badPath)
		page.WantStatus(t, http.StatusOK)
		page.WantContains(t, "Lignes en erreur", "Pays inconnu", "Doublons possibles", "Transparence Maroc", "Atlantide")
		if !strings.Contains(html.UnescapeString(page.Body), "<td>3</td><td>Pays</td>") {
			t.Errorf("the error is not shown at row 3, column Pays:\n%s", testenv.Excerpt(page.Body))
		}
		// The organisation has no membership yet: the link searches for it.
		page.WantContains(t, `href="/directory?q=Transparence&#43;Maroc"`)

		version := func(p testenv.Page) string {
			i := strings.Index(p.Body, `name="version" value="`)
			if i < 0 {
				t.Fatalf("no version on the page:\n%s", testenv.Excerpt(p.Body))
			}
			rest := p.Body[i+len(`name="version" value="`):]
			return rest[:strings.IndexByte(rest, '"')]
		}
		unticked := b.Submit(badPath, badPath+"/transitions", url.Values{"event": {"apply"}, "version": {version(page)}})
		unticked.WantStatus(t, http.StatusUnprocessableEntity)
		unticked.WantContains(t, "Cochez la case")
		refused := b.Submit(badPath, badPath+"/transitions", url.Values{"event": {"apply"}, "version": {version(page)}, "confirm": {"on"}})
		refused.WantStatus(t, http.StatusUnprocessableEntity)
		refused.WantContains(t, "Le fichier a encore des lignes en erreur")

		good := b.Upload("/members/imports", "/members/imports", nil, "file", "membres.csv", list("Sénégal"))
		good.WantRedirect(t, "/members/imports/")
		goodPath := good.Header.Get("Location")
		done := b.Submit(goodPath, goodPath+"/transitions", url.Values{"event": {"apply"}, "version": {version(b.Get(goodPath))}, "confirm": {"on"}})
		done.WantRedirect(t, goodPath)
		result := b.Get(goodPath)
		result.WantContains(t, "Appliqué", "1 membre créé.", "1 ligne ignorée, déjà dans Accord.")
		result.WantLacks(t, `value="apply"`)
		b.Get("/directory?q=Observatoire").WantContains(t, "Observatoire Citoyen")

		notSecretariat := e.Browser("fr")
		applicant := e.Applicant("fr")
		notSecretariat.SignIn(applicant.Email, testenv.Password)
		notSecretariat.Get("/members/imports").WantStatus(t, http.StatusForbidden)
		notSecretariat.Get(goodPath).WantStatus(t, http.StatusNotFound)
	})
}
