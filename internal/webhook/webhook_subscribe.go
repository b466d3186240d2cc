package webhook

import (
	"context"
	"errors"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/store"
)

// Secret length bounds: long enough that it cannot be guessed, short
// enough to paste.
const (
	MinSecretLen = 16
	MaxSecretLen = 256
	maxURLLen    = 2000
)

// CreateInput is a new subscription (docs/api.md, Webhooks).
type CreateInput struct {
	URL    string   `json:"url"`
	Events []string `json:"events"`
	Secret string   `json:"secret"`
}

// Create subscribes a URL to events. The secret is sealed at once and
// never returned.
func (s *Service) Create(ctx context.Context, actor accord.Actor, in CreateInput) (*Webhook, error) {
	if err := s.authz.Check(ctx, actor, Kind, auth.ActionCreate, nil); err != nil {
		return nil, err
	}
	events, err := s.check(&in)
	if err != nil {
		return nil, err
	}
	w := &Webhook{ID: uuid.NewString(), URL: in.URL, Events: events, CreatedBy: actor.UserID, CreatedAt: s.clock()}
	if w.SecretSealed, err = s.cipher.Seal([]byte(in.Secret), []byte(w.ID)); err != nil {
		return nil, err
	}
	err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(w).Error; err != nil {
			return wrapDB("create subscription", err)
		}
		return s.auditChange(ctx, tx, actor, w, "webhook_created")
	})
	if err != nil {
		return nil, err
	}
	return w, nil
}

// List returns the subscriptions, oldest first.
func (s *Service) List(ctx context.Context, actor accord.Actor) ([]Webhook, error) {
	if err := s.authz.Check(ctx, actor, Kind, auth.ActionRead, nil); err != nil {
		return nil, err
	}
	var ws []Webhook
	if err := s.db.WithContext(ctx).Order("created_at, id").Find(&ws).Error; err != nil {
		return nil, wrapDB("list subscriptions", err)
	}
	return ws, nil
}

// Get returns one subscription.
func (s *Service) Get(ctx context.Context, actor accord.Actor, id string) (*Webhook, error) {
	if err := s.authz.Check(ctx, actor, Kind, auth.ActionRead, nil); err != nil {
		return nil, err
	}
	return s.load(ctx, s.db.WithContext(ctx), id)
}

// Delete removes a subscription with its pending deliveries and its log.
func (s *Service) Delete(ctx context.Context, actor accord.Actor, id string) error {
	if err := s.authz.Check(ctx, actor, Kind, auth.ActionDelete, nil); err != nil {
		return err
	}
	return s.db.Transaction(ctx, func(tx *gorm.DB) error {
		w, err := s.load(ctx, tx, id)
		if err != nil {
			return err
		}
		// Children first: the foreign keys cascade too, but saying it
		// keeps the order plain on both engines.
		sub := tx.Model(&Delivery{}).Select("id").Where("webhook_id = ?", id)
		if err := tx.Where("delivery_id IN (?)", sub).Delete(&Attempt{}).Error; err != nil {
			return wrapDB("delete attempts", err)
		}
		if err := tx.Where("webhook_id = ?", id).Delete(&Delivery{}).Error; err != nil {
			return wrapDB("delete deliveries", err)
		}
		if err := tx.Delete(&Webhook{}, "id = ?", id).Error; err != nil {
			return wrapDB("delete subscription", err)
		}
		return s.auditChange(ctx, tx, actor, w, "webhook_deleted")
	})
}

func (s *Service) load(ctx context.Context, tx *gorm.DB, id string) (*Webhook, error) {
	if uuid.Validate(id) != nil {
		return nil, accord.NotFound(Kind)
	}
	var w Webhook
	if err := tx.WithContext(ctx).Take(&w, "id = ?", id).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, accord.NotFound(Kind)
		}
		return nil, wrapDB("load subscription", err)
	}
	return &w, nil
}

// auditChange records who added or removed a subscription, and its URL
// and events (never its secret): a new receiver of every state change is
// worth a trace.
func (s *Service) auditChange(ctx context.Context, tx *gorm.DB, actor accord.Actor, w *Webhook, event string) error {
	return audit.Append(ctx, tx, &audit.Event{
		EntityType: Kind, EntityID: w.ID, Event: event,
		ActorID: actor.UserID, ActorRole: string(actor.Role), RequestID: actor.RequestID,
		Data:       map[string]any{"url": w.URL, "events": []string(w.Events)},
		OccurredAt: s.clock(),
	})
}

// check validates in, trimming it, and returns its events without
// duplicates.
func (s *Service) check(in *CreateInput) (store.StringList, error) {
	var fields []accord.FieldError
	in.URL = strings.TrimSpace(in.URL)
	if msg := s.checkURL(in.URL); msg != "" {
		fields = append(fields, accord.Field("url", msg))
	}
	known := s.Events()
	var events store.StringList
	for _, e := range in.Events {
		e = strings.TrimSpace(e)
		if !knownEvent(known, e) {
			fields = append(fields, accord.Field("events", "unknown event "+strconv.Quote(e)+": an event is \"*\", \"<record>.*\" or \"<record>.<state>\""))
			continue
		}
		if !slices.Contains(events, e) {
			events = append(events, e)
		}
	}
	if len(in.Events) == 0 {
		fields = append(fields, accord.Field("events", "required: at least one event"))
	}
	if n := utf8.RuneCountInString(in.Secret); n < MinSecretLen || n > MaxSecretLen {
		fields = append(fields, accord.Field("secret", "must be 16 to 256 characters"))
	}
	if len(fields) > 0 {
		return nil, accord.Invalid("the subscription is not valid", fields...)
	}
	return events, nil
}

// checkURL returns why u cannot receive deliveries, or "". A host that is
// a private address is refused here already unless the operator allows
// them; a name is checked when dialled, since what it resolves to can
// change between now and then (DNS rebinding).
func (s *Service) checkURL(u string) string {
	if u == "" {
		return "required"
	}
	if len(u) > maxURLLen {
		return "too long"
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Hostname() == "" {
		return "must be an absolute http:// or https:// URL"
	}
	if p.User != nil {
		return "must not carry a user name or password: the signature authenticates deliveries"
	}
	if p.Fragment != "" {
		return "must not have a fragment"
	}
	if !s.cfg.AllowPrivate {
		if ip, err := netip.ParseAddr(p.Hostname()); err == nil && isPrivate(ip) {
			return "is a private address; receivers on private addresses are refused unless ACCORD_WEBHOOK_ALLOW_PRIVATE is true"
		}
	}
	return ""
}
