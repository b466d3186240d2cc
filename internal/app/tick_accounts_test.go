package app

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/clock"
	"github.com/accord-coalition/accord/internal/config"
)

// TestTickRemovesUnverifiedAccounts: the server's tick removes an account
// that has not verified its address within seven days, which frees the
// address for its owner.
func TestTickRemovesUnverifiedAccounts(t *testing.T) {
	ctx := context.Background()
	cfg := config.Config{
		DataDir: t.TempDir(), SecretKey: []byte(strings.Repeat("k", 32)), BaseURL: "http://accord.test",
		TickInterval: time.Minute, EmailVerification: true,
	}
	a, err := Open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	clk := clock.NewManual(time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC))
	a.Now = clk.Now
	if _, err := a.Auth.Register(ctx, auth.RegisterInput{Email: "someone@example.org", Password: "a squatter password", Name: "Squatter"}); err != nil {
		t.Fatal(err)
	}
	count := func() int64 {
		var n int64
		a.DB.WithContext(ctx).Table("users").Where("email = ?", "someone@example.org").Count(&n)
		return n
	}
	clk.Advance(7*24*time.Hour - time.Minute)
	if _, err := a.Tick(ctx); err != nil {
		t.Fatal(err)
	}
	if count() != 1 {
		t.Fatal("removed before seven days")
	}
	clk.Advance(time.Minute)
	if _, err := a.Tick(ctx); err != nil {
		t.Fatal(err)
	}
	if count() != 0 {
		t.Fatal("the unverified account outlived seven days")
	}
}
