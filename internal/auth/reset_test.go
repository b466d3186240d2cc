package auth

import (
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
)

// TestPasswordReset: the mailed link sets a new password once, ends every
// session, and a password the rules refuse leaves the link usable.
func TestPasswordReset(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		u := f.register("forgot@example.org", "the old password")
		old := f.login("forgot@example.org", "the old password")

		for _, email := range []string{"nobody@example.org", "", " Forgot@Example.org"} {
			if err := f.svc.RequestPasswordReset(f.ctx, email); err != nil {
				t.Fatalf("reset for %q: %v", email, err)
			}
		}
		if n := f.mailCount("password_reset"); n != 1 {
			t.Fatalf("%d reset mails; want one, to the account", n)
		}
		m := f.lastMail("password_reset", "forgot@example.org")
		if m.To.UserID != u.ID || m.To.Locale != "ar" {
			t.Fatalf("reset mailed to %+v", m.To)
		}
		link := m.Data["url"].(string)
		if want := "https://accord.example/password-reset/confirm?token="; len(link) <= len(want) || link[:len(want)] != want {
			t.Fatalf("link %q", link)
		}
		token := linkToken(t, link)

		wantField(t, f.svc.ResetPassword(f.ctx, token, "short"), "password")
		wantKind(t, f.svc.ResetPassword(f.ctx, "not-a-token", "a new long password"), accord.KindNotFound)
		if err := f.svc.ResetPassword(f.ctx, token, "a new long password"); err != nil {
			t.Fatalf("reset: %v", err)
		}
		wantKind(t, f.svc.ResetPassword(f.ctx, token, "another new password"), accord.KindNotFound)

		if _, err := f.svc.Refresh(f.ctx, old.RefreshToken); accord.KindOf(err) != accord.KindUnauthenticated {
			t.Fatalf("the session from before the reset refreshed: %v", err)
		}
		if _, err := f.svc.Login(f.ctx, "forgot@example.org", "the old password", "192.0.2.1"); accord.KindOf(err) != accord.KindUnauthenticated {
			t.Fatalf("the old password still works: %v", err)
		}
		f.login("forgot@example.org", "a new long password")
	})
}

func TestPasswordResetLinkExpiresAfterAnHour(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		f.register("slow@example.org", "the old password")
		if err := f.svc.RequestPasswordReset(f.ctx, "slow@example.org"); err != nil {
			t.Fatal(err)
		}
		token := linkToken(t, f.lastMail("password_reset", "slow@example.org").Data["url"])
		f.clock.Advance(time.Hour)
		wantField(t, f.svc.ResetPassword(f.ctx, token, "a new long password"), "token")
	})
}

// TestPasswordResetVerifies: the owner of an address someone else
// registered and never verified takes the account over by reset, since
// the link proves the address.
func TestPasswordResetVerifies(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		if _, err := f.svc.Register(f.ctx, RegisterInput{Email: "owner@example.org", Password: "squatter password", Name: "Squatter"}); err != nil {
			t.Fatal(err)
		}
		if err := f.svc.RequestPasswordReset(f.ctx, "owner@example.org"); err != nil {
			t.Fatal(err)
		}
		token := linkToken(t, f.lastMail("password_reset", "owner@example.org").Data["url"])
		if err := f.svc.ResetPassword(f.ctx, token, "the owner's password"); err != nil {
			t.Fatal(err)
		}
		f.login("owner@example.org", "the owner's password")
	})
}

// TestMailedLinksArePaced: asking again and again for a link mails one
// per pause, so the forms cannot flood someone's mailbox.
func TestMailedLinksArePaced(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		f.register("paced@example.org", "long enough pw")
		if _, err := f.svc.Register(f.ctx, RegisterInput{Email: "waiting@example.org", Password: "long enough pw", Name: "W"}); err != nil {
			t.Fatal(err)
		}
		for range 5 {
			if err := f.svc.RequestPasswordReset(f.ctx, "paced@example.org"); err != nil {
				t.Fatal(err)
			}
			if err := f.svc.ResendVerification(f.ctx, "waiting@example.org"); err != nil {
				t.Fatal(err)
			}
		}
		if r, v := f.mailCount("password_reset"), f.mailCount("verify_email"); r != 1 || v != 2 {
			t.Fatalf("%d reset and %d verification mails; want 1 and 2 (the first at registering)", r, v)
		}
		f.clock.Advance(mailPause + time.Second)
		if err := f.svc.RequestPasswordReset(f.ctx, "paced@example.org"); err != nil {
			t.Fatal(err)
		}
		if n := f.mailCount("password_reset"); n != 2 {
			t.Fatalf("%d reset mails after the pause; want 2", n)
		}
	})
}
