package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/app"
	"github.com/accord-coalition/accord/internal/report"
	"github.com/accord-coalition/accord/internal/synthetic"
)

// cmdExport writes one export to a file or to standard output.
//
// The command line has no signed-in user: whoever can run it holds the
// database's credentials already. It exports as the secretariat, and the
// audit event records role secretariat, no user id, channel "cli" and the
// operating-system account that ran it as the operator.
func cmdExport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", stderr)
	conference := fs.String("conference", "", "the conference's code or id")
	members := fs.Bool("members", false, "export the member directory with contacts instead of a conference's list")
	list := fs.String("list", "", "accredited, participants, circulation or badges (with --conference)")
	format := fs.String("format", "csv", "csv, xlsx or pdf (pdf not for --members)")
	lang := fs.String("lang", "en", "language of the header row and names: ar, en, fr or es")
	state := fs.String("state", "", "only rows in this state")
	region := fs.String("region", "", "only organisations of this region: AFR, AME, ASP, ECA or MENA")
	countryCode := fs.String("country", "", "only organisations of this country (ISO 3166-1 alpha-2)")
	output := fs.String("o", "", "write to this file rather than standard output")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	req := report.ExportRequest{
		Format: *format, Locale: *lang, Channel: report.ChannelCLI, Operator: operator(),
		Filter: report.Filter{State: *state, Region: *region, Country: *countryCode},
	}
	switch {
	case *members && *conference == "" && *list == "":
		req.List = report.ListMembers
	case !*members && *conference != "" && *list != "":
		req.Conference, req.List = *conference, *list
	default:
		return usageError{"usage: accord export --conference CODE --list NAME [--format F] … or accord export --members [--format F] …"}
	}
	a, err := open(ctx, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.Close()
	secretariat := accord.Actor{Role: accord.RoleSecretariat, Locale: req.Locale}
	e, err := a.Report.PrepareExport(ctx, secretariat, req)
	if err != nil {
		return describe(err)
	}
	if *output == "" {
		return e.Write(ctx, stdout)
	}
	if err := writeExportFile(ctx, e, *output); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%d rows written to %s\n", e.Rows(), *output)
	return nil
}

// writeExportFile writes beside path and renames when done, so that a
// failed export never leaves a truncated file under the name asked for.
func writeExportFile(ctx context.Context, e *report.Export, path string) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := e.Write(ctx, tmp); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// operator names the operating-system account running the command.
func operator() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return os.Getenv("USER")
}

// seedSynthetic creates n synthetic organisations accredited to the
// conference code, for benchmarks and drills. No audit events are written
// for them: nobody did anything (internal/synthetic).
func seedSynthetic(ctx context.Context, a *app.App, n int, code string, stdout io.Writer) error {
	if code == "" {
		return usageError{"--synthetic needs --conference CODE"}
	}
	res, err := synthetic.Seed(ctx, a.DB, synthetic.Options{Organizations: n, Conference: code, Now: a.Now()})
	if err != nil {
		return err
	}
	created := ""
	if res.ConferenceCreated {
		created = " (created)"
	}
	fmt.Fprintf(stdout, "synthetic data: %d organisations, %d accredited requests, %d confirmed delegates in %s%s, in %.2fs\n",
		res.Organizations, res.Requests, res.Delegates, code, created, res.Elapsed.Seconds())
	return nil
}
