// Command accord runs the Accord service and its operator tasks: serve,
// migrate, seed, user create, user verify, tick, workflows, export, import
// members and audit verify.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `accord — membership and accreditation for civil-society coalitions

Usage:
  accord serve [--demo]          run the HTTP server (migrates first)
  accord migrate                 apply pending database migrations
  accord seed [--synthetic N --conference CODE]
                                 load regions and countries (idempotent); with --synthetic,
                                 also N made-up organisations accredited to CODE, 3 delegates each
  accord user create --email E --name N --role R --password P [--region CODE]… [--country CC]
  accord user verify --email E   mark an address verified (when its mail does not arrive)
  accord tick                    fire due deadline transitions once
  accord workflows               print every state machine as a Mermaid diagram
  accord export --conference CODE --list accredited|participants|circulation|badges
         [--format csv|xlsx|pdf] [--lang ar|en|fr|es] [--state S] [--region R] [--country CC] [-o FILE]
  accord export --members [--format csv|xlsx] [--lang …] [--state S] [--region R] [--country CC] [-o FILE]
                                 export a list as the secretariat, audited
  accord import members FILE [--apply]
                                 preview a member list (CSV or XLSX) as the secretariat;
                                 with --apply, create its members (all rows or none)
  accord audit verify            recompute the audit hash chain

Configuration comes from ACCORD_* environment variables (see README.md).
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprint(os.Stderr, usage)
			fmt.Fprintln(os.Stderr, "\naccord:", err)
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "accord:", err)
		os.Exit(1)
	}
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// run dispatches a subcommand. It takes its environment and output as
// arguments so tests can run the real commands in-process.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"a subcommand is required"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return cmdServe(ctx, rest, getenv, stdout, stderr)
	case "migrate":
		return cmdMigrate(ctx, getenv, stdout, stderr)
	case "seed":
		return cmdSeed(ctx, rest, getenv, stdout, stderr)
	case "user":
		switch {
		case len(rest) > 0 && rest[0] == "create":
			return cmdUserCreate(ctx, rest[1:], getenv, stdout, stderr)
		case len(rest) > 0 && rest[0] == "verify":
			return cmdUserVerify(ctx, rest[1:], getenv, stdout, stderr)
		}
		return usageError{"usage: accord user create --email E --name N --role R --password P, or accord user verify --email E"}
	case "tick":
		return cmdTick(ctx, getenv, stdout, stderr)
	case "workflows":
		return cmdWorkflows(stdout)
	case "export":
		return cmdExport(ctx, rest, getenv, stdout, stderr)
	case "import":
		return cmdImport(ctx, rest, getenv, stdout, stderr)
	case "audit":
		if len(rest) == 0 || rest[0] != "verify" {
			return usageError{"usage: accord audit verify"}
		}
		return cmdAuditVerify(ctx, getenv, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return usageError{fmt.Sprintf("unknown subcommand %q", cmd)}
}

func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses args into fs for a command that takes flags only,
// refusing any argument left over rather than ignoring it.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	return nil
}

// listFlag collects a repeatable flag such as --region.
type listFlag []string

func (l *listFlag) String() string     { return fmt.Sprint(*l) }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }
