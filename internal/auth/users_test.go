package auth

import (
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
)

func TestCreateUserWhoMayCreateWhom(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		admin := f.staff(accord.RoleAdmin, "admin@example.org")
		secretariat := f.staff(accord.RoleSecretariat, "hub@example.org")
		coordinator := f.staff(accord.RoleCoordinator, "coord@example.org")
		stateParty := f.staff(accord.RoleStateParty, "focal@example.org")
		applicant := f.register("ngo@example.org", "long enough pw").Actor()

		coord := CreateUserInput{Email: "new.coord@example.org", Name: "New Coordinator", Role: accord.RoleCoordinator, Regions: []string{"afr", "MENA"}, Locale: "fr"}
		cases := []struct {
			name  string
			actor accord.Actor
			in    CreateUserInput
			kind  accord.Kind // KindInternal here means: succeeds
			field string
		}{
			{"public", accord.Actor{}, coord, accord.KindUnauthenticated, ""},
			{"applicant", applicant, coord, accord.KindForbidden, ""},
			{"coordinator", coordinator, coord, accord.KindForbidden, ""},
			{"state party", stateParty, coord, accord.KindForbidden, ""},
			{"secretariat creates an admin", secretariat, CreateUserInput{Email: "a2@example.org", Name: "A", Role: accord.RoleAdmin}, accord.KindForbidden, ""},
			{"coordinator without region", admin, CreateUserInput{Email: "c2@example.org", Name: "C", Role: accord.RoleCoordinator}, accord.KindInvalid, "regions"},
			{"coordinator with unknown region", admin, CreateUserInput{Email: "c3@example.org", Name: "C", Role: accord.RoleCoordinator, Regions: []string{"EUR"}}, accord.KindInvalid, "regions"},
			{"state party without country", secretariat, CreateUserInput{Email: "s2@example.org", Name: "S", Role: accord.RoleStateParty}, accord.KindInvalid, "country"},
			{"state party with a country name", secretariat, CreateUserInput{Email: "s3@example.org", Name: "S", Role: accord.RoleStateParty, Country: "Kenya"}, accord.KindInvalid, "country"},
			{"region on a secretariat user", admin, CreateUserInput{Email: "h2@example.org", Name: "H", Role: accord.RoleSecretariat, Regions: []string{"AFR"}}, accord.KindInvalid, "regions"},
			{"applicant role", admin, CreateUserInput{Email: "n2@example.org", Name: "N", Role: accord.RoleApplicant}, accord.KindInvalid, "role"},
			{"password given", admin, CreateUserInput{Email: "p2@example.org", Name: "P", Role: accord.RoleSecretariat, Password: "long enough pw"}, accord.KindInvalid, "password"},
			{"taken email", admin, CreateUserInput{Email: "HUB@example.org", Name: "H", Role: accord.RoleSecretariat}, accord.KindInvalid, "email"},
			{"secretariat creates a coordinator", secretariat, coord, accord.KindInternal, ""},
			{"secretariat creates a State focal point", secretariat, CreateUserInput{Email: "ke@example.org", Name: "K", Role: accord.RoleStateParty, Country: "ke"}, accord.KindInternal, ""},
			{"admin creates an admin", admin, CreateUserInput{Email: "a3@example.org", Name: "A", Role: accord.RoleAdmin}, accord.KindInternal, ""},
		}
		for _, c := range cases {
			u, inv, err := f.svc.CreateUser(f.ctx, c.actor, c.in)
			if c.kind == accord.KindInternal {
				if err != nil {
					t.Fatalf("%s: %v", c.name, err)
				}
				if inv == nil || inv.UserID != u.ID || !strings.HasPrefix(inv.URL, "https://accord.example/invitations/") {
					t.Fatalf("%s: invitation %+v", c.name, inv)
				}
				continue
			}
			if c.field != "" {
				wantField(t, err, c.field)
			} else {
				wantKind(t, err, c.kind)
			}
		}

		var created User
		f.db.WithContext(f.ctx).Where("email = ?", "new.coord@example.org").Take(&created)
		u, err := userByID(f.db.WithContext(f.ctx), created.ID)
		if err != nil {
			t.Fatal(err)
		}
		if u.Role != accord.RoleCoordinator || strings.Join(u.Regions, ",") != "AFR,MENA" || u.EmailVerifiedAt != nil || u.PasswordHash != "" {
			t.Fatalf("created %+v", u)
		}
		if ke, _ := userByEmail(f.db.WithContext(f.ctx), "ke@example.org"); ke == nil || ke.Country == nil || *ke.Country != "KE" {
			t.Fatalf("state party country: %+v", ke)
		}
		m := f.lastMail("invitation", "new.coord@example.org")
		if m.Data["role"] != "coordinator" || m.To.Locale != "fr" {
			t.Fatalf("invitation mail %+v", m)
		}
		events, err := audit.ForEntity(f.ctx, f.db.Gorm, KindUser, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(events) != 1 || events[0].Event != "user_created" || events[0].ActorID != secretariat.UserID || events[0].ActorRole != "secretariat" {
			t.Fatalf("audit events %+v", events)
		}
		var users int64
		f.db.WithContext(f.ctx).Model(&User{}).Count(&users)
		if users != 8 { // five set up, three created
			t.Fatalf("%d users; refused creations left rows behind", users)
		}
	})
}

func TestAcceptInvitation(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		admin := f.staff(accord.RoleAdmin, "admin@example.org")
		_, inv, err := f.svc.CreateUser(f.ctx, admin, CreateUserInput{Email: "hub@example.org", Name: "Hub", Role: accord.RoleSecretariat})
		if err != nil {
			t.Fatal(err)
		}
		if !inv.ExpiresAt.Equal(f.clock.Now().Add(7 * 24 * time.Hour)) {
			t.Fatalf("invitation expires %v", inv.ExpiresAt)
		}
		token := linkToken(t, inv.URL)
		if got := linkToken(t, f.lastMail("invitation", "hub@example.org").Data["url"]); got != token {
			t.Fatal("the mailed link differs from the returned one")
		}
		// Before accepting, the account has no password that could match.
		_, err = f.svc.Login(f.ctx, "hub@example.org", "", "")
		wantKind(t, err, accord.KindUnauthenticated)

		wantField(t, f.svc.AcceptInvitation(f.ctx, token, "short"), "password")
		wantField(t, f.svc.AcceptInvitation(f.ctx, token, "hub@example.org"), "password")
		wantKind(t, f.svc.AcceptInvitation(f.ctx, "unknown", "long enough pw"), accord.KindNotFound)
		if err := f.svc.AcceptInvitation(f.ctx, token, "long enough pw"); err != nil {
			t.Fatalf("accept after refused attempts: %v", err)
		}
		wantKind(t, f.svc.AcceptInvitation(f.ctx, token, "another long pw"), accord.KindNotFound)
		pair := f.login("hub@example.org", "long enough pw") // verified by accepting
		actor, err := f.svc.Authenticate(f.ctx, pair.AccessToken)
		if err != nil || actor.Role != accord.RoleSecretariat {
			t.Fatalf("%+v, %v", actor, err)
		}

		_, late, err := f.svc.CreateUser(f.ctx, admin, CreateUserInput{Email: "late@example.org", Name: "Late", Role: accord.RoleSecretariat})
		if err != nil {
			t.Fatal(err)
		}
		f.clock.Advance(7*24*time.Hour + time.Second)
		wantField(t, f.svc.AcceptInvitation(f.ctx, linkToken(t, late.URL), "long enough pw"), "token")
	})
}

func TestCreateUserDirect(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		_, err := f.svc.CreateUserDirect(f.ctx, CreateUserInput{Email: "ops@example.org", Name: "Ops", Role: accord.RoleAdmin})
		wantField(t, err, "password")
		_, err = f.svc.CreateUserDirect(f.ctx, CreateUserInput{Email: "ops@example.org", Name: "Ops", Role: "root", Password: "long enough pw"})
		wantField(t, err, "role")
		u, err := f.svc.CreateUserDirect(f.ctx, CreateUserInput{Email: "ops@example.org", Name: "Ops", Role: accord.RoleCoordinator, Regions: []string{"ASP"}, Password: "long enough pw"})
		if err != nil {
			t.Fatal(err)
		}
		if u.EmailVerifiedAt == nil {
			t.Fatal("not verified")
		}
		f.login("ops@example.org", "long enough pw")
		if n := f.mailCount("invitation") + f.mailCount("verify_email"); n != 0 {
			t.Fatalf("%d mails sent", n)
		}
	})
}

func TestCreateCoordinatorBeforeSeeding(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		f.db.WithContext(f.ctx).Exec("DELETE FROM regions WHERE code = 'ECA'")
		_, err := f.svc.CreateUserDirect(f.ctx, CreateUserInput{Email: "c@example.org", Name: "C", Role: accord.RoleCoordinator, Regions: []string{"ECA"}, Password: "long enough pw"})
		wantField(t, err, "regions")
	})
}
