package auth

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/accord-coalition/accord/internal/accord"
)

// Action names what an actor wants to do to an object ("read", "create",
// or a workflow event); each kind's policy decides what its actions mean.
type Action string

// Actions shared by most kinds; capabilities may define their own.
const (
	ActionRead   Action = "read"
	ActionCreate Action = "create"
	ActionUpdate Action = "update"
	ActionDelete Action = "delete"
	// ActionReadPublic is the public scope: reading what the contract
	// publishes to everyone, the anonymous actor included (the "public"
	// rows of docs/api.md, Resources). A kind with a public face allows it
	// in its policy, so that public reads ask the Authorizer like every
	// other read instead of going around it.
	ActionReadPublic Action = "read_public"
)

// Decision is a policy's answer. The zero value is Deny, so a policy that
// forgets a case fails closed.
type Decision int

const (
	// Deny: the actor may see the object but not do this (403).
	Deny Decision = iota
	// Allow: go ahead.
	Allow
	// Hide: the actor may not even learn that the object exists (404).
	Hide
)

func (d Decision) String() string {
	switch d {
	case Allow:
		return "allow"
	case Hide:
		return "hide"
	default:
		return "deny"
	}
}

// Policy decides whether actor may do action to obj, an object of the kind
// the policy was registered for (obj may be nil for actions on a collection).
type Policy func(actor accord.Actor, action Action, obj any) Decision

// Authorizer holds one policy per kind of object. Capabilities register
// theirs at wiring time; services then ask Check before acting.
type Authorizer struct {
	logger *slog.Logger

	mu       sync.RWMutex
	policies map[string]Policy
}

// NewAuthorizer returns an Authorizer with no policies: until a kind is
// registered, every check of it fails.
func NewAuthorizer(logger *slog.Logger) *Authorizer {
	if logger == nil {
		logger = slog.Default()
	}
	return &Authorizer{logger: logger, policies: map[string]Policy{}}
}

// Register installs the policy for kind. Registering a kind again replaces
// its policy; that is logged because outside tests it is a wiring mistake.
func (a *Authorizer) Register(kind string, p Policy) {
	if kind == "" || p == nil {
		panic("auth: Register needs a kind and a policy")
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, dup := a.policies[kind]; dup {
		a.logger.Warn("authorization policy replaced", "kind", kind)
	}
	a.policies[kind] = p
}

// Check returns nil when actor may do action to obj, accord.NotFound(kind)
// when the policy hides the object, and a forbidden error when it denies.
// A kind without a policy is a programming error: it fails closed with an
// internal error rather than letting the action through.
func (a *Authorizer) Check(ctx context.Context, actor accord.Actor, kind string, action Action, obj any) error {
	a.mu.RLock()
	p, ok := a.policies[kind]
	a.mu.RUnlock()
	if !ok {
		a.logger.ErrorContext(ctx, "no authorization policy", "kind", kind, "action", string(action))
		return fmt.Errorf("authorize %s %s: no policy registered for kind %q", action, kind, kind)
	}
	d := p(actor, action, obj)
	if d == Allow {
		return nil
	}
	a.logger.DebugContext(ctx, "authorization refused",
		"kind", kind, "action", string(action), "decision", d.String(),
		"user_id", actor.UserID, "role", string(actor.Role), "request_id", actor.RequestID)
	if d == Hide {
		return accord.NotFound(kind)
	}
	return accord.Forbidden("you may not %s this %s", action, kind)
}

// Can reports whether Check would allow; for deciding what to show.
func (a *Authorizer) Can(ctx context.Context, actor accord.Actor, kind string, action Action, obj any) bool {
	return a.Check(ctx, actor, kind, action, obj) == nil
}
