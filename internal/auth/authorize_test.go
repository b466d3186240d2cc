package auth

import (
	"context"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
)

func TestAuthorizerDecisions(t *testing.T) {
	ctx := context.Background()
	a := NewAuthorizer(nil)
	a.Register("widget", func(actor accord.Actor, action Action, obj any) Decision {
		switch {
		case actor.Is(accord.RoleSecretariat):
			return Allow
		case actor.Is(accord.RoleApplicant):
			return Deny
		case actor.Is(accord.RoleCoordinator):
			return Hide
		}
		return Decision(99) // a policy bug: must not allow
	})
	sec := accord.Actor{UserID: "s", Role: accord.RoleSecretariat}
	if err := a.Check(ctx, sec, "widget", ActionRead, nil); err != nil || !a.Can(ctx, sec, "widget", ActionRead, nil) {
		t.Fatalf("allow: %v", err)
	}
	wantKind(t, a.Check(ctx, accord.Actor{UserID: "a", Role: accord.RoleApplicant}, "widget", ActionUpdate, nil), accord.KindForbidden)
	e := wantKind(t, a.Check(ctx, accord.Actor{UserID: "c", Role: accord.RoleCoordinator}, "widget", ActionRead, nil), accord.KindNotFound)
	if e.Message != "widget not found" {
		t.Fatalf("hidden object reported as %q", e.Message)
	}
	wantKind(t, a.Check(ctx, accord.Actor{}, "widget", ActionRead, nil), accord.KindForbidden)

	err := a.Check(ctx, sec, "gadget", ActionRead, nil)
	if err == nil || accord.KindOf(err) != accord.KindInternal {
		t.Fatalf("unknown kind: %v; want an internal error", err)
	}
	if a.Can(ctx, sec, "gadget", ActionRead, nil) {
		t.Fatal("Can allowed an unknown kind")
	}
}

func TestUserPolicy(t *testing.T) {
	self := &User{ID: "u1", Role: accord.RoleApplicant}
	admin := &User{ID: "u9", Role: accord.RoleAdmin}
	coordinator := &User{ID: "u8", Role: accord.RoleCoordinator}
	cases := []struct {
		actor  accord.Actor
		action Action
		obj    *User
		want   Decision
	}{
		{accord.Actor{UserID: "u1", Role: accord.RoleApplicant}, ActionRead, self, Allow},
		{accord.Actor{UserID: "u2", Role: accord.RoleApplicant}, ActionRead, self, Hide},
		{accord.Actor{UserID: "u3", Role: accord.RoleCoordinator}, ActionRead, self, Hide},
		{accord.Actor{UserID: "u4", Role: accord.RoleStateParty}, ActionRead, self, Hide},
		{accord.Actor{}, ActionRead, self, Hide},
		{accord.Actor{UserID: "u5", Role: accord.RoleSecretariat}, ActionRead, self, Allow},
		{accord.Actor{UserID: "u6", Role: accord.RoleAdmin}, ActionRead, self, Allow},
		{accord.Actor{UserID: "u1", Role: accord.RoleApplicant}, ActionUpdate, self, Deny},
		{accord.Actor{UserID: "u5", Role: accord.RoleSecretariat}, ActionCreate, coordinator, Allow},
		{accord.Actor{UserID: "u5", Role: accord.RoleSecretariat}, ActionCreate, admin, Deny},
		{accord.Actor{UserID: "u5", Role: accord.RoleSecretariat}, ActionCreate, nil, Deny},
		{accord.Actor{UserID: "u6", Role: accord.RoleAdmin}, ActionCreate, admin, Allow},
		{accord.Actor{UserID: "u3", Role: accord.RoleCoordinator}, ActionCreate, coordinator, Deny},
		{accord.Actor{UserID: "u1", Role: accord.RoleApplicant}, ActionCreate, coordinator, Deny},
	}
	for _, c := range cases {
		var obj any
		if c.obj != nil {
			obj = c.obj
		}
		if got := UserPolicy(c.actor, c.action, obj); got != c.want {
			t.Errorf("%s %s %v: %v; want %v", c.actor.Role, c.action, c.obj, got, c.want)
		}
	}
}
