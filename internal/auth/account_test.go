package auth

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
)

func TestMe(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		coordinator := f.staff(accord.RoleCoordinator, "coord@example.org")
		me, err := f.svc.Me(f.ctx, coordinator)
		if err != nil {
			t.Fatal(err)
		}
		if me.ID != coordinator.UserID || me.Email != "coord@example.org" || len(me.Regions) != 1 || me.Regions[0] != "MENA" {
			t.Fatalf("me = %+v", me)
		}
		b, _ := json.Marshal(me)
		js := string(b)
		for _, key := range []string{`"email_verified_at":`, `"organization_id":null`, `"regions":["MENA"]`, `"role":"coordinator"`} {
			if !strings.Contains(js, key) {
				t.Errorf("JSON %s lacks %s", js, key)
			}
		}
		if strings.Contains(js, "argon2") || strings.Contains(strings.ToLower(js), "password") {
			t.Fatalf("JSON shows the password hash: %s", js)
		}
		_, err = f.svc.Me(f.ctx, accord.Actor{})
		wantKind(t, err, accord.KindUnauthenticated)
	})
}

func TestSetLocale(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		actor := f.register("loc@example.org", "long enough pw").Actor()
		wantField(t, f.svc.SetLocale(f.ctx, actor, "zz"), "locale")
		if err := f.svc.SetLocale(f.ctx, actor, "ES"); err != nil {
			t.Fatal(err)
		}
		me, _ := f.svc.Me(f.ctx, actor)
		if me.Locale != "es" {
			t.Fatalf("locale %q", me.Locale)
		}
	})
}

func TestChangePassword(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		actor := f.register("pw@example.org", "long enough pw").Actor()
		session := f.login("pw@example.org", "long enough pw")

		wantField(t, f.svc.ChangePassword(f.ctx, actor, "not my password", "a new long password"), "current_password")
		wantField(t, f.svc.ChangePassword(f.ctx, actor, "long enough pw", "short"), "new_password")
		wantField(t, f.svc.ChangePassword(f.ctx, actor, "long enough pw", "long enough pw"), "new_password")
		if err := f.svc.ChangePassword(f.ctx, actor, "long enough pw", "a new long password"); err != nil {
			t.Fatal(err)
		}
		_, err := f.svc.Login(f.ctx, "pw@example.org", "long enough pw", "")
		wantKind(t, err, accord.KindUnauthenticated)
		f.login("pw@example.org", "a new long password")
		_, err = f.svc.Refresh(f.ctx, session.RefreshToken)
		wantKind(t, err, accord.KindUnauthenticated)

		// Guessing the current password counts towards the sign-in limit.
		for range 10 {
			f.svc.ChangePassword(f.ctx, actor, "guess guess guess", "whatever whatever")
		}
		wantKind(t, f.svc.ChangePassword(f.ctx, actor, "a new long password", "yet another password"), accord.KindRateLimited)
	})
}
