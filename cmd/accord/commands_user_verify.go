package main

import (
	"context"
	"fmt"
	"io"
)

// cmdUserVerify marks an address verified from the command line, for an
// operator whose users' mail does not arrive.
func cmdUserVerify(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("user verify", stderr)
	email := fs.String("email", "", "email address of the account (required)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 || *email == "" {
		return usageError{"usage: accord user verify --email E"}
	}
	a, err := openMigrated(ctx, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.Close()
	u, err := a.Auth.VerifyByEmail(ctx, *email)
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(stdout, "%s verified\n", u.Email)
	return nil
}
