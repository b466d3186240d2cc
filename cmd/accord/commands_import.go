package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/memberimport"
	"github.com/accord-coalition/accord/internal/workflow"
)

const importUsage = "usage: accord import members FILE [--apply]"

// cmdImport previews a member list and, with --apply, applies it
// (docs/api.md, Importing members). Like export, the command line acts as
// the secretariat with no user id; the upload's audit event names the
// operating-system account that ran it. A file with errors is not
// applied: the command prints them and fails.
func cmdImport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "members" {
		return usageError{importUsage}
	}
	var path string
	applyIt := false
	for _, a := range args[1:] {
		switch {
		case a == "--apply" || a == "-apply":
			applyIt = true
		case strings.HasPrefix(a, "-"):
			return usageError{fmt.Sprintf("unknown flag %q; %s", a, importUsage)}
		case path != "":
			return usageError{fmt.Sprintf("unexpected argument %q; %s", a, importUsage)}
		default:
			path = a
		}
	}
	if path == "" {
		return usageError{importUsage}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	a, err := open(ctx, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.Close()
	secretariat := accord.Actor{Role: accord.RoleSecretariat, Locale: "en"}
	v, err := a.Imports.Preview(ctx, secretariat, memberimport.Upload{Filename: filepath.Base(path), Data: data, Operator: operator()})
	if err != nil {
		return describe(err)
	}
	printPreview(stdout, v)
	if !applyIt {
		fmt.Fprintf(stdout, "Nothing imported yet: run again with --apply to create the members.\n")
		return nil
	}
	v, err = a.Imports.Fire(ctx, secretariat, v.ID, workflow.TransitionInput{Event: memberimport.EventApply, Version: v.Version})
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(stdout, "Applied: %d members created, %d rows skipped as already in Accord.\n", v.CreatedCount, v.SkippedCount)
	return nil
}

// printPreview writes what the preview found, every error and duplicate.
func printPreview(w io.Writer, v *memberimport.View) {
	enc := v.Format
	if v.Encoding != "" {
		enc += ", " + v.Encoding
	}
	fmt.Fprintf(w, "Import %s of %s (%s, sha256 %s)\n", v.ID, v.Filename, enc, v.SHA256)
	fmt.Fprintf(w, "Columns: %s\n", strings.Join(v.Columns, ", "))
	if len(v.Ignored) > 0 {
		fmt.Fprintf(w, "Not read: %s\n", strings.Join(v.Ignored, ", "))
	}
	fmt.Fprintf(w, "%d rows: %d valid, %d errors, %d possible duplicates\n", v.RowCount, v.ValidCount, len(v.Errors), len(v.Duplicates))
	for _, e := range v.Errors {
		fmt.Fprintf(w, "  error     row %d, %s: %s\n", e.Row, e.Field, e.Message)
	}
	for _, d := range v.Duplicates {
		if d.SameAsRow != 0 {
			fmt.Fprintf(w, "  duplicate row %d: same as row %d (%s)\n", d.Row, d.SameAsRow, strings.Join(d.Matches, ", "))
			continue
		}
		fmt.Fprintf(w, "  duplicate row %d: already in Accord as %q, organisation %s (%s)\n", d.Row, d.Name, d.OrganizationID, strings.Join(d.Matches, ", "))
	}
}
