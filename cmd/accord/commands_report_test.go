package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/store"
)

// TestSeedSyntheticThenExport: `accord seed --synthetic` fills a
// conference, `accord export` writes its participants to a file in
// Arabic, audited as the command line's export.
func TestSeedSyntheticThenExport(t *testing.T) {
	dir := t.TempDir()
	vars := map[string]string{"ACCORD_DATA_DIR": dir, "ACCORD_LOG_LEVEL": "error"}
	ctx := context.Background()
	var out bytes.Buffer
	if err := run(ctx, []string{"seed", "--synthetic", "20", "--conference", "DRILL1"}, env(vars), &out, &out); err != nil {
		t.Fatalf("seed: %v", err)
	}
	if !regexp.MustCompile(`20 organisations, 20 accredited requests, 60 confirmed delegates in DRILL1 \(created\), in [0-9.]+s`).MatchString(out.String()) {
		t.Errorf("seed printed %q", out.String())
	}

	file := filepath.Join(dir, "participants.csv")
	out.Reset()
	err := run(ctx, []string{"export", "--conference", "DRILL1", "--list", "participants", "--format", "csv",
		"--lang", "ar", "--region", "mena", "-o", file}, env(vars), &out, &out)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\ufeff")) {
		t.Fatal("no BOM")
	}
	records, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if records[0][0] != "اسم العائلة (كما في جواز السفر)" || len(records) < 2 {
		t.Fatalf("records %q", records)
	}
	if !strings.Contains(out.String(), "rows written to "+file) {
		t.Errorf("export printed %q", out.String())
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".participants.csv.*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	// To standard output, the member directory (empty here).
	out.Reset()
	if err := run(ctx, []string{"export", "--members", "--format", "csv"}, env(vars), &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "\ufeffName (original script),Name in English") {
		t.Errorf("members: %q", out.String())
	}

	db, err := store.Open(ctx, store.Options{SQLitePath: filepath.Join(dir, "accord.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var events []audit.Event
	if err := db.WithContext(ctx).Where("entity_type = 'export'").Order("seq").Find(&events).Error; err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 {
		t.Fatalf("%d export events, want 2", len(events))
	}
	d := events[0].Data
	if events[0].ActorRole != "secretariat" || events[0].ActorID != "" || d["channel"] != "cli" || d["operator"] == "" ||
		d["rows"] != float64(len(records)-1) || d["list"] != "participants" {
		t.Errorf("audit event %+v", events[0])
	}

	for _, args := range [][]string{
		{"export"},
		{"export", "--members", "--conference", "DRILL1"},
		{"export", "--conference", "DRILL1"},
		{"seed", "--conference", "DRILL1"},
	} {
		if err := run(ctx, args, env(vars), &out, &out); err == nil {
			t.Errorf("%q: no error", args)
		}
	}
	if err := run(ctx, []string{"export", "--members", "--format", "pdf"}, env(vars), &out, &out); err == nil ||
		!strings.Contains(err.Error(), "not found") {
		t.Errorf("members as pdf: %v", err)
	}
	if err := run(ctx, []string{"export", "--conference", "DRILL1", "--list", "participants", "--region", "MARS"}, env(vars), &out, &out); err == nil ||
		!strings.Contains(err.Error(), "--region") {
		t.Errorf("bad region: %v", err)
	}
}
