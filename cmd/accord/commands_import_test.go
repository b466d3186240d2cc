package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportMembers: `accord import members FILE` prints the preview and
// imports nothing; a file with errors is not applied; --apply on a
// correct file creates the members, and the same file again creates none.
func TestImportMembers(t *testing.T) {
	dir := t.TempDir()
	vars := map[string]string{"ACCORD_DATA_DIR": dir, "ACCORD_LOG_LEVEL": "error"}
	ctx := context.Background()
	var out bytes.Buffer
	for _, args := range [][]string{{"migrate"}, {"seed"}} {
		if err := run(ctx, args, env(vars), &out, &out); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out.String())
		}
	}
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("\xEF\xBB\xBF"+text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bad := write("bad.csv", "Nom;Pays\r\nIntégrité Tunisie;Tunisie\r\nGroupe Fictif;Atlantide\r\n")
	good := write("good.csv", "Nom;Pays\r\nIntégrité Tunisie;Tunisie\r\nGroupe Réel;Sénégal\r\n")

	out.Reset()
	if err := run(ctx, []string{"import", "members", bad}, env(vars), &out, &out); err != nil {
		t.Fatalf("preview: %v", err)
	}
	for _, want := range []string{"2 rows: 1 valid, 1 errors", "error     row 3, country: not a country we know: \"Atlantide\"", "Nothing imported yet"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("preview printed:\n%s\nwant %q", out.String(), want)
		}
	}
	out.Reset()
	if err := run(ctx, []string{"import", "members", bad, "--apply"}, env(vars), &out, &out); err == nil || !strings.Contains(err.Error(), "errors") {
		t.Errorf("--apply with errors: err = %v, want a refusal naming the errors", err)
	}
	out.Reset()
	if err := run(ctx, []string{"import", "members", "--apply", good}, env(vars), &out, &out); err != nil {
		t.Fatalf("apply: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "Applied: 2 members created, 0 rows skipped") {
		t.Errorf("apply printed:\n%s", out.String())
	}
	out.Reset()
	if err := run(ctx, []string{"import", "members", good, "--apply"}, env(vars), &out, &out); err != nil {
		t.Fatalf("apply again: %v", err)
	}
	if !strings.Contains(out.String(), "Applied: 0 members created, 2 rows skipped") || !strings.Contains(out.String(), "already in Accord as \"Intégrité Tunisie\"") {
		t.Errorf("the same file again printed:\n%s", out.String())
	}
	if err := run(ctx, []string{"import", "members"}, env(vars), &out, &out); err == nil {
		t.Error("import without a file succeeded")
	}
}
