package main

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/auth"
)

// TestUserVerify: an account waiting for its mail can sign in once the
// operator verifies its address from the command line.
func TestUserVerify(t *testing.T) {
	ctx := context.Background()
	c := newCLI(t)
	a, err := open(ctx, env(c.vars), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Auth.Register(ctx, auth.RegisterInput{Email: "ngo@example.org", Password: "a long enough password", Name: "Amina"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Auth.Login(ctx, "ngo@example.org", "a long enough password", ""); err == nil {
		t.Fatal("signed in before verifying")
	}
	a.Close()

	if err := c.run("user", "verify", "--email", " NGO@example.org"); err != nil {
		t.Fatalf("user verify: %v", err)
	}
	if !strings.Contains(c.out.String(), "ngo@example.org verified") {
		t.Errorf("user verify printed %q", c.out.String())
	}
	if err := c.run("user", "verify", "--email", "nobody@example.org"); err == nil {
		t.Error("verified an address that has no account")
	}

	a, err = open(ctx, env(c.vars), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Auth.Login(ctx, "ngo@example.org", "a long enough password", ""); err != nil {
		t.Fatalf("sign-in after user verify: %v", err)
	}
}
