package auth

import (
	"context"
	"log/slog"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestSessionsEndAtOnce: signing out, signing out everywhere and changing
// the password refuse the access tokens of the sessions they end at once,
// and leave other sessions alone.
func TestSessionsEndAtOnce(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		u := f.register("s@example.org", "long enough pw")
		other := f.staff(accord.RoleSecretariat, "other@example.org")
		laptop := f.login("s@example.org", "long enough pw")
		phone := f.login("s@example.org", "long enough pw")
		theirs := f.login("other@example.org", "correct horse battery")
		authOK := func(name string, pair TokenPair, want bool) {
			t.Helper()
			_, err := f.svc.Authenticate(f.ctx, pair.AccessToken)
			if (err == nil) != want {
				t.Fatalf("%s: Authenticate = %v; want accepted %v", name, err, want)
			}
		}
		actor := u.Actor()
		if err := f.svc.Logout(f.ctx, actor, laptop.RefreshToken); err != nil {
			t.Fatal(err)
		}
		authOK("the signed-out session", laptop, false)
		authOK("another session of the same user", phone, true)

		if err := f.svc.LogoutAll(f.ctx, actor); err != nil {
			t.Fatal(err)
		}
		authOK("after signing out everywhere", phone, false)
		authOK("another user's session", theirs, true)

		again := f.login("s@example.org", "long enough pw")
		if err := f.svc.ChangePassword(f.ctx, actor, "long enough pw", "a newer password"); err != nil {
			t.Fatal(err)
		}
		authOK("after a password change", again, false)
		if _, err := f.svc.Refresh(f.ctx, again.RefreshToken); accord.KindOf(err) != accord.KindUnauthenticated {
			t.Fatalf("refresh after a password change: %v", err)
		}

		// A refreshed pair belongs to the same session: ending it ends both.
		p1 := f.login("other@example.org", "correct horse battery")
		p2, err := f.svc.Refresh(f.ctx, p1.RefreshToken)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.svc.Logout(f.ctx, other, p2.RefreshToken); err != nil {
			t.Fatal(err)
		}
		authOK("the first token of a signed-out session", p1, false)
		authOK("the refreshed token of a signed-out session", p2, false)
		authOK("the other user's first session", theirs, true)
	})
}

// BenchmarkAuthenticate measures the check every authenticated request
// makes: the token's signature, then the user and its open session in the
// database.
func BenchmarkAuthenticate(b *testing.B) {
	for _, engine := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(engine.name, func(b *testing.B) {
			db := engine.open(b)
			ctx := context.Background()
			cfg := DefaultConfig(testSecret)
			cfg.Argon2 = cheapArgon2
			cfg.EmailVerification = false
			quiet := slog.New(slog.DiscardHandler)
			svc := NewService(db, cfg, NewAuthorizer(quiet), quiet)
			if _, err := svc.Register(ctx, RegisterInput{Email: "bench@example.org", Password: "long enough pw", Name: "Bench"}); err != nil {
				b.Fatal(err)
			}
			// Other sessions in the table, as on a server in use.
			for range 200 {
				if _, err := svc.Login(ctx, "bench@example.org", "long enough pw", ""); err != nil {
					b.Fatal(err)
				}
			}
			pair, err := svc.Login(ctx, "bench@example.org", "long enough pw", "")
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := svc.Authenticate(ctx, pair.AccessToken); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
