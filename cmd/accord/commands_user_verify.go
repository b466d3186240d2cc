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
	a, err := open(ctx, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.Migrate(ctx); err != nil {
		return err
	}
	u, err := a.Auth.VerifyByEmail(ctx, *email)
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(stdout, "%s verified\n", u.Email)
	return nil
}
