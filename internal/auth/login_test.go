package auth

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
)

func TestLogin(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		u := f.register("amina@example.org", "long enough pw")

		pair := f.login(" AMINA@example.org", "long enough pw")
		if pair.TokenType != "Bearer" || pair.ExpiresIn != 900 || pair.AccessToken == "" || pair.RefreshToken == "" {
			t.Fatalf("pair %+v", pair)
		}
		actor, err := f.svc.Authenticate(f.ctx, pair.AccessToken)
		if err != nil || actor.UserID != u.ID || actor.Role != accord.RoleApplicant || actor.Locale != "ar" {
			t.Fatalf("authenticate: %+v, %v", actor, err)
		}

		_, wrongPassword := f.svc.Login(f.ctx, "amina@example.org", "wrong password!", "192.0.2.1")
		_, unknownEmail := f.svc.Login(f.ctx, "nobody@example.org", "long enough pw", "192.0.2.1")
		e1 := wantKind(t, wrongPassword, accord.KindUnauthenticated)
		e2 := wantKind(t, unknownEmail, accord.KindUnauthenticated)
		if e1.Message != e2.Message {
			t.Fatalf("wrong password says %q, unknown email says %q", e1.Message, e2.Message)
		}

		if err := f.db.WithContext(f.ctx).Model(&User{}).Where("id = ?", u.ID).Update("disabled", true).Error; err != nil {
			t.Fatal(err)
		}
		_, disabled := f.svc.Login(f.ctx, "amina@example.org", "long enough pw", "192.0.2.1")
		if e := wantKind(t, disabled, accord.KindUnauthenticated); e.Message != e1.Message {
			t.Fatalf("disabled account says %q", e.Message)
		}
	})
}

func TestLoginRateLimitPerAccount(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		f.register("target@example.org", "long enough pw")
		var limited int
		for i := range 40 {
			_, err := f.svc.Login(f.ctx, "target@example.org", fmt.Sprintf("guess number %d", i), "198.51.100.7")
			switch {
			case i < 10:
				wantKind(t, err, accord.KindUnauthenticated)
			default:
				if e := wantKind(t, err, accord.KindRateLimited); e.RetryAfter <= 0 || e.RetryAfter > 15*time.Minute {
					t.Fatalf("attempt %d: RetryAfter %v", i, e.RetryAfter)
				}
				limited++
			}
		}
		if limited != 30 {
			t.Fatalf("%d attempts limited; want 30", limited)
		}
		// The guessing address is held back, even with the right password…
		_, err := f.svc.Login(f.ctx, "target@example.org", "long enough pw", "198.51.100.7")
		wantKind(t, err, accord.KindRateLimited)
		// …but the owner, from an address that has not been guessing, is
		// never locked out.
		f.login("target@example.org", "long enough pw")

		f.clock.Advance(15*time.Minute + time.Second)
		if _, err := f.svc.Login(f.ctx, "target@example.org", "long enough pw", "198.51.100.7"); err != nil {
			t.Fatalf("after the window: %v", err)
		}
	})
}

// TestLoginSlowdownAcrossAddresses: guesses at one account from many
// addresses slow to one attempt per address and window once the account
// has failed AccountSlowdown times; an address that has not tried the
// account is never refused.
func TestLoginSlowdownAcrossAddresses(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		f.register("target@example.org", "long enough pw")
		for i := range 3 {
			for range 2 {
				_, err := f.svc.Login(f.ctx, "target@example.org", "a wrong guess", fmt.Sprintf("198.51.100.%d", i))
				wantKind(t, err, accord.KindUnauthenticated)
			}
		}
		// Six failures: a second try from a guessing address is refused…
		_, err := f.svc.Login(f.ctx, "target@example.org", "a wrong guess", "198.51.100.0")
		wantKind(t, err, accord.KindRateLimited)
		// …a new address still gets its first try…
		_, err = f.svc.Login(f.ctx, "target@example.org", "a wrong guess", "198.51.100.50")
		wantKind(t, err, accord.KindUnauthenticated)
		_, err = f.svc.Login(f.ctx, "target@example.org", "a wrong guess", "198.51.100.50")
		wantKind(t, err, accord.KindRateLimited)
		// …and the owner signs in from theirs, again and again.
		for range 3 {
			if _, err := f.svc.Login(f.ctx, "target@example.org", "long enough pw", "203.0.113.1"); err != nil {
				t.Fatalf("the owner: %v", err)
			}
		}
	}, withLoginLimit(LoginLimit{PerAccount: 10, PerAddress: 100, AccountSlowdown: 6, Window: time.Hour}))
}

func TestLoginRateLimitPerAddress(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		f.register("someone@example.org", "long enough pw")
		var limited int
		for i := range 40 {
			_, err := f.svc.Login(f.ctx, fmt.Sprintf("user%d@example.org", i), "long enough pw", "203.0.113.7")
			if i < 30 {
				wantKind(t, err, accord.KindUnauthenticated)
				continue
			}
			if e := wantKind(t, err, accord.KindRateLimited); e.RetryAfter <= 0 {
				t.Fatalf("RetryAfter %v", e.RetryAfter)
			}
			limited++
		}
		if limited != 10 {
			t.Fatalf("%d attempts limited; want 10", limited)
		}
		_, err := f.svc.Login(f.ctx, "someone@example.org", "long enough pw", "203.0.113.7")
		wantKind(t, err, accord.KindRateLimited)
		if _, err := f.svc.Login(f.ctx, "someone@example.org", "long enough pw", "203.0.113.8"); err != nil {
			t.Fatalf("another address: %v", err)
		}
	})
}

func TestLoginRetryAfterShrinks(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		for range 2 {
			f.svc.Login(f.ctx, "x@example.org", "wrong password", "")
			f.clock.Advance(10 * time.Minute)
		}
		// Failures at 0 and 10 minutes; now 20: the window that began at 0
		// ends at 60.
		_, err := f.svc.Login(f.ctx, "x@example.org", "wrong password", "")
		if e := wantKind(t, err, accord.KindRateLimited); e.RetryAfter != 40*time.Minute {
			t.Fatalf("RetryAfter %v; want 40m", e.RetryAfter)
		}
	}, withLoginLimit(LoginLimit{PerAccount: 2, PerAddress: 100, AccountSlowdown: 100, Window: time.Hour}))
}

func TestLoginRehashesStaleHash(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		u := f.register("old@example.org", "long enough pw")
		stronger := newFixture(t, f.db, func(c *Config) { c.Argon2.Memory = 128 })
		stronger.login("old@example.org", "long enough pw")
		var hash string
		f.db.WithContext(f.ctx).Model(&User{}).Where("id = ?", u.ID).Pluck("password_hash", &hash)
		if !strings.Contains(hash, "$m=128,") {
			t.Fatalf("hash not upgraded: %s", hash)
		}
		stronger.login("old@example.org", "long enough pw")
	})
}
