package main

import (
	"bytes"
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
	vars := map[string]string{"ACCORD_DATA_DIR": t.TempDir(), "ACCORD_LOG_LEVEL": "error"}
	a, err := open(ctx, env(vars), io.Discard)
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

	var out bytes.Buffer
	if err := run(ctx, []string{"user", "verify", "--email", " NGO@example.org"}, env(vars), &out, &out); err != nil {
		t.Fatalf("user verify: %v", err)
	}
	if !strings.Contains(out.String(), "ngo@example.org verified") {
		t.Errorf("user verify printed %q", out.String())
	}
	if err := run(ctx, []string{"user", "verify", "--email", "nobody@example.org"}, env(vars), &out, &out); err == nil {
		t.Error("verified an address that has no account")
	}

	a, err = open(ctx, env(vars), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Auth.Login(ctx, "ngo@example.org", "a long enough password", ""); err != nil {
		t.Fatalf("sign-in after user verify: %v", err)
	}
}
