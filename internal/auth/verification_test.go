package auth

import (
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
)

func TestResendVerification(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		u, err := f.svc.Register(f.ctx, RegisterInput{Email: "late@example.org", Password: "long enough pw", Name: "L", Locale: "fr"})
		if err != nil {
			t.Fatal(err)
		}
		first := linkToken(t, f.lastMail("verify_email", u.Email).Data["url"])
		f.clock.Advance(verifyEmailTTL + time.Hour) // the first link has expired
		for _, email := range []string{" LATE@example.org", "nobody@example.org", ""} {
			if err := f.svc.ResendVerification(f.ctx, email); err != nil {
				t.Fatalf("resend to %q: %v", email, err)
			}
		}
		if n := f.mailCount("verify_email"); n != 2 {
			t.Fatalf("%d verification mails; want the first and one resent", n)
		}
		wantField(t, f.svc.VerifyEmail(f.ctx, first), "token")
		if err := f.svc.VerifyEmail(f.ctx, linkToken(t, f.lastMail("verify_email", u.Email).Data["url"])); err != nil {
			t.Fatalf("the resent link: %v", err)
		}
		f.login("late@example.org", "long enough pw")
		// Verified now: nothing more is sent.
		if err := f.svc.ResendVerification(f.ctx, "late@example.org"); err != nil {
			t.Fatal(err)
		}
		if n := f.mailCount("verify_email"); n != 2 {
			t.Fatalf("%d verification mails after verifying", n)
		}
	})
}

// TestUnverifiedAccountsExpire: an account that never verifies is removed
// after seven days, and its address can be registered again by its owner.
func TestUnverifiedAccountsExpire(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		if _, err := f.svc.Register(f.ctx, RegisterInput{Email: "victim@example.org", Password: "squatter password", Name: "Squatter"}); err != nil {
			t.Fatal(err)
		}
		kept := f.register("kept@example.org", "long enough pw")
		staff := f.staff(accord.RoleCoordinator, "coord@example.org")

		f.clock.Advance(unverifiedLifetime - time.Second)
		if n, err := f.svc.ExpireUnverified(f.ctx); err != nil || n != 0 {
			t.Fatalf("before seven days: removed %d, %v", n, err)
		}
		f.clock.Advance(time.Second)
		if n, err := f.svc.ExpireUnverified(f.ctx); err != nil || n != 1 {
			t.Fatalf("after seven days: removed %d, %v; want 1", n, err)
		}
		for _, id := range []string{kept.ID, staff.UserID} {
			if _, err := userByID(f.db.WithContext(f.ctx), id); err != nil {
				t.Fatalf("a verified account was removed: %v", err)
			}
		}
		u, err := f.svc.Register(f.ctx, RegisterInput{Email: "victim@example.org", Password: "owner password", Name: "Owner"})
		if err != nil || u == nil {
			t.Fatalf("the freed address: %+v, %v", u, err)
		}
		if f.mailCount("account_exists") != 0 {
			t.Fatal("the freed address was treated as taken")
		}
	})
}

func TestVerifyUserByHand(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		admin := f.staff(accord.RoleAdmin, "admin@example.org")
		other, err := f.svc.Register(f.ctx, RegisterInput{Email: "other@example.org", Password: "long enough pw", Name: "Other"})
		if err != nil {
			t.Fatal(err)
		}
		u, err := f.svc.Register(f.ctx, RegisterInput{Email: "nomail@example.org", Password: "long enough pw", Name: "No Mail"})
		if err != nil {
			t.Fatal(err)
		}
		applicant := other.Actor()
		wantKind(t, f.svc.VerifyUser(f.ctx, applicant, u.ID), accord.KindNotFound)
		if _, err := f.svc.ListUsers(f.ctx, applicant, ""); err == nil {
			t.Fatal("an applicant listed the users")
		}
		found, err := f.svc.ListUsers(f.ctx, admin, "NOMAIL")
		if err != nil || len(found) != 1 || found[0].ID != u.ID {
			t.Fatalf("search: %+v, %v", found, err)
		}
		if err := f.svc.VerifyUser(f.ctx, admin, u.ID); err != nil {
			t.Fatal(err)
		}
		f.login("nomail@example.org", "long enough pw")
		if _, err := f.svc.Login(f.ctx, "other@example.org", "long enough pw", ""); accord.KindOf(err) != accord.KindForbidden {
			t.Fatalf("the other account signed in unverified: %v", err)
		}
	})
}
