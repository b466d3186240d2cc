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
	c := newCLI(t)
	ctx := context.Background()
	if err := c.run("seed", "--synthetic", "20", "--conference", "DRILL1"); err != nil {
		t.Fatalf("seed: %v", err)
	}
	if !regexp.MustCompile(`20 organisations, 20 accredited requests, 60 confirmed delegates in DRILL1 \(created\), in [0-9.]+s`).MatchString(c.out.String()) {
		t.Errorf("seed printed %q", c.out.String())
	}

	file := filepath.Join(c.dir, "participants.csv")
	err := c.run("export", "--conference", "DRILL1", "--list", "participants", "--format", "csv",
		"--lang", "ar", "--region", "mena", "-o", file)
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
	if !strings.Contains(c.out.String(), "rows written to "+file) {
		t.Errorf("export printed %q", c.out.String())
	}
	leftovers, _ := filepath.Glob(filepath.Join(c.dir, ".participants.csv.*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	// To standard output, the member directory (empty here).
	if err := c.run("export", "--members", "--format", "csv"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(c.out.String(), "\ufeffName (original script),Name in English") {
		t.Errorf("members: %q", c.out.String())
	}

	db, err := store.Open(ctx, store.Options{SQLitePath: filepath.Join(c.dir, "accord.db")})
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
		if err := c.run(args...); err == nil {
			t.Errorf("%q: no error", args)
		}
	}
	if err := c.run("export", "--members", "--format", "pdf"); err == nil ||
		!strings.Contains(err.Error(), "not found") {
		t.Errorf("members as pdf: %v", err)
	}
	if err := c.run("export", "--conference", "DRILL1", "--list", "participants", "--region", "MARS"); err == nil ||
		!strings.Contains(err.Error(), "--region") {
		t.Errorf("bad region: %v", err)
	}
}
