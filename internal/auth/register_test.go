package auth

import (
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
)

func TestRegisterValidation(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		good := RegisterInput{Email: "ngo@example.org", Password: "long enough pw", Name: "Amina", Locale: "fr"}
		cases := []struct {
			name  string
			edit  func(*RegisterInput)
			field string
		}{
			{"email missing", func(in *RegisterInput) { in.Email = "  " }, "email"},
			{"email without at", func(in *RegisterInput) { in.Email = "ngo.example.org" }, "email"},
			{"email with display name", func(in *RegisterInput) { in.Email = "NGO <ngo@example.org>" }, "email"},
			{"email without domain dot", func(in *RegisterInput) { in.Email = "ngo@localhost" }, "email"},
			{"password short", func(in *RegisterInput) { in.Password = "123456789" }, "password"},
			{"password is the email", func(in *RegisterInput) { in.Password = "NGO@example.org" }, "password"},
			{"password blank", func(in *RegisterInput) { in.Password = "            " }, "password"},
			{"name blank", func(in *RegisterInput) { in.Name = " \t " }, "name"},
			{"locale unknown", func(in *RegisterInput) { in.Locale = "de" }, "locale"},
		}
		for _, c := range cases {
			in := good
			c.edit(&in)
			_, err := f.svc.Register(f.ctx, in)
			if err == nil {
				t.Fatalf("%s: registered", c.name)
			}
			wantField(t, err, c.field)
		}
		var n int64
		f.db.WithContext(f.ctx).Model(&User{}).Count(&n)
		if n != 0 {
			t.Fatalf("%d users stored after invalid registrations", n)
		}

		u, err := f.svc.Register(f.ctx, RegisterInput{Email: "  Ana@Example.ORG ", Password: "long enough pw", Name: " Ana ", Locale: ""})
		if err != nil {
			t.Fatal(err)
		}
		if u.Email != "ana@example.org" || u.Name != "Ana" || u.Locale != "en" || u.Role != accord.RoleApplicant {
			t.Fatalf("registered %+v", u)
		}
		if u.EmailVerifiedAt != nil {
			t.Fatal("a new account is verified before following the link")
		}
		m := f.lastMail("verify_email", "ana@example.org")
		if m.To.UserID != u.ID || m.To.Locale != "en" {
			t.Fatalf("verification mailed to %+v", m.To)
		}
		var stored int64
		f.db.WithContext(f.ctx).Table("messages").Where("template = ? AND user_id = ?", "verify_email", u.ID).Count(&stored)
		if stored != 1 {
			t.Fatalf("%d verify_email messages in the outbox; want 1", stored)
		}
	})
}

func TestRegisterTakenAddressLooksNew(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		owner := f.register("dup@example.org", "long enough pw")
		u, err := f.svc.Register(f.ctx, RegisterInput{Email: "DUP@example.org ", Password: "another password", Name: "Other", Locale: "es"})
		if err != nil || u != nil {
			t.Fatalf("register of a taken address = %+v, %v; want nil, nil", u, err)
		}
		m := f.lastMail("account_exists", "dup@example.org")
		if m.To.UserID != owner.ID || m.To.Locale != "ar" || m.Data["reset_url"] != "https://accord.example/password-reset" {
			t.Fatalf("owner told %+v", m)
		}
		// Again at once: the same answer, and no second mail to the owner.
		if u, err := f.svc.Register(f.ctx, RegisterInput{Email: "dup@example.org", Password: "another password", Name: "Other"}); err != nil || u != nil {
			t.Fatalf("second register of a taken address = %+v, %v", u, err)
		}
		if n := f.mailCount("account_exists"); n != 1 {
			t.Fatalf("%d account_exists mails; want 1 within the pause", n)
		}
		var n int64
		f.db.WithContext(f.ctx).Model(&User{}).Where("email = ?", "dup@example.org").Count(&n)
		if n != 1 {
			t.Fatalf("%d accounts for the address", n)
		}
		// The owner's password is untouched; the newcomer's is not taken.
		f.login("dup@example.org", "long enough pw")
		_, err = f.svc.Login(f.ctx, "dup@example.org", "another password", "192.0.2.9")
		wantKind(t, err, accord.KindUnauthenticated)
	})
}

func TestVerifyEmail(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		u, err := f.svc.Register(f.ctx, RegisterInput{Email: "v@example.org", Password: "long enough pw", Name: "V", Locale: "es"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.svc.Login(f.ctx, "v@example.org", "long enough pw", "")
		if e := wantKind(t, err, accord.KindForbidden); e.Message != "email not verified" {
			t.Fatalf("message %q", e.Message)
		}
		link := f.lastMail("verify_email", u.Email).Data["url"].(string)
		if want := "https://accord.example/verify-email?token="; len(link) <= len(want) || link[:len(want)] != want {
			t.Fatalf("link %q", link)
		}
		token := linkToken(t, link)
		wantKind(t, f.svc.VerifyEmail(f.ctx, "not-a-token"), accord.KindNotFound)
		if err := f.svc.VerifyEmail(f.ctx, token); err != nil {
			t.Fatal(err)
		}
		wantKind(t, f.svc.VerifyEmail(f.ctx, token), accord.KindNotFound)
		f.login("v@example.org", "long enough pw")

		// A link followed after it expired asks for a new one.
		late, err := f.svc.Register(f.ctx, RegisterInput{Email: "late@example.org", Password: "long enough pw", Name: "L", Locale: "en"})
		if err != nil {
			t.Fatal(err)
		}
		f.clock.Advance(verifyEmailTTL + 1)
		err = f.svc.VerifyEmail(f.ctx, linkToken(t, f.lastMail("verify_email", late.Email).Data["url"]))
		wantField(t, err, "token")
	})
}

func TestVerificationOff(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		f.register("open@example.org", "long enough pw")
		f.login("open@example.org", "long enough pw")
		if n := f.mailCount("verify_email"); n != 0 {
			t.Fatalf("%d verification mails sent with verification off", n)
		}
	}, func(c *Config) { c.EmailVerification = false })
}
