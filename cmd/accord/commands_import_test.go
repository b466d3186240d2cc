package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportMembers: `accord import members FILE` prints the preview and
// imports nothing; a file with errors is not applied; --apply on a
// correct file creates the members, and the same file again creates none.
func TestImportMembers(t *testing.T) {
	c := newCLI(t)
	for _, args := range [][]string{{"migrate"}, {"seed"}} {
		if err := c.run(args...); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, c.out.String())
		}
	}
	write := func(name, text string) string {
		p := filepath.Join(c.dir, name)
		if err := os.WriteFile(p, []byte("\xEF\xBB\xBF"+text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bad := write("bad.csv", "Nom;Pays\r\nIntégrité Tunisie;Tunisie\r\nGroupe Fictif;Atlantide\r\n")
	good := write("good.csv", "Nom;Pays\r\nIntégrité Tunisie;Tunisie\r\nGroupe Réel;Sénégal\r\n")

	if err := c.run("import", "members", bad); err != nil {
		t.Fatalf("preview: %v", err)
	}
	for _, want := range []string{"2 rows: 1 valid, 1 errors", "error     row 3, country: not a country we know: \"Atlantide\"", "Nothing imported yet"} {
		if !strings.Contains(c.out.String(), want) {
			t.Errorf("preview printed:\n%s\nwant %q", c.out.String(), want)
		}
	}
	if err := c.run("import", "members", bad, "--apply"); err == nil || !strings.Contains(err.Error(), "errors") {
		t.Errorf("--apply with errors: err = %v, want a refusal naming the errors", err)
	}
	if err := c.run("import", "members", "--apply", good); err != nil {
		t.Fatalf("apply: %v\n%s", err, c.out.String())
	}
	if !strings.Contains(c.out.String(), "Applied: 2 members created, 0 rows skipped") {
		t.Errorf("apply printed:\n%s", c.out.String())
	}
	if err := c.run("import", "members", good, "--apply"); err != nil {
		t.Fatalf("apply again: %v", err)
	}
	if !strings.Contains(c.out.String(), "Applied: 0 members created, 2 rows skipped") || !strings.Contains(c.out.String(), "already in Accord as \"Intégrité Tunisie\"") {
		t.Errorf("the same file again printed:\n%s", c.out.String())
	}
	if err := c.run("import", "members"); err == nil {
		t.Error("import without a file succeeded")
	}
}
