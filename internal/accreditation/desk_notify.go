package accreditation

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/i18n"
	"github.com/accord-coalition/accord/internal/workflow"
)

// What the secretariat is told of (docs/api.md, The secretariat's desk):
// work that arrives on its desk without it acting.
const (
	DeskNoticeSubmitted = "request_submitted"
	DeskNoticeNominated = "delegate_nominated"
	DeskNoticeReply     = "objection_reply"
	DeskNoticeReferred  = "request_referred"
)

// DeskNotice is one thing an officer who takes a daily digest has yet to
// be told of.
type DeskNotice struct {
	ID                     string     `gorm:"primaryKey"`
	UserID                 string     `gorm:"column:user_id"`
	Kind                   string     `gorm:"column:kind"`
	AccreditationRequestID string     `gorm:"column:accreditation_request_id"`
	CreatedAt              time.Time  `gorm:"column:created_at"`
	SentAt                 *time.Time `gorm:"column:sent_at"`
}

// TableName implements GORM's tabler.
func (DeskNotice) TableName() string { return "desk_notices" }

// DeskDigest is an officer's choice of one message a day.
type DeskDigest struct {
	UserID     string     `json:"-" gorm:"primaryKey;column:user_id"`
	Daily      bool       `json:"daily"`
	LastSentAt *time.Time `json:"last_sent_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
}

// TableName implements GORM's tabler.
func (DeskDigest) TableName() string { return "desk_digests" }

// DeskModels are the desk's GORM models, for the schema agreement test.
func DeskModels() []any { return []any{&DeskNotice{}, &DeskDigest{}} }

// deskCatalog is the catalogs the desk's notices are written from, read
// once.
var deskCatalog = sync.OnceValues(i18n.Embedded)

// tellDesk tells every secretariat officer of kind on request r: a
// message now, or a line in tomorrow's digest for those who chose one.
// It runs in the transaction of the change, so nobody is told of what
// did not happen.
func (s *Service) tellDesk(ctx context.Context, tx *gorm.DB, kind string, r *Request) error {
	officers, err := usersWhere(tx.WithContext(ctx), "role = ?", accord.RoleSecretariat)
	if err != nil || len(officers) == 0 {
		return err
	}
	var daily []string
	if err := tx.WithContext(ctx).Model(&DeskDigest{}).Where("daily").Pluck("user_id", &daily).Error; err != nil {
		return fmt.Errorf("read digest choices: %w", err)
	}
	var now []party
	for _, o := range officers {
		if !contains(daily, o.ID) {
			now = append(now, o)
			continue
		}
		n := DeskNotice{ID: uuid.NewString(), UserID: o.ID, Kind: kind, AccreditationRequestID: r.ID, CreatedAt: s.now()}
		if err := tx.WithContext(ctx).Create(&n).Error; err != nil {
			return fmt.Errorf("keep desk notice: %w", err)
		}
	}
	if len(now) == 0 {
		return nil
	}
	line, err := s.deskLine(ctx, tx, kind, r)
	if err != nil {
		return err
	}
	return s.tell(ctx, tx, now, "notice", func(locale string) map[string]any {
		return map[string]any{"title": line(locale), "text": deskText(locale, kind+"_text"),
			"url": s.link("/accreditation-requests/" + r.ID)}
	})
}

// tellDeskOf is tellDesk as a workflow effect on a request.
func (s *Service) tellDeskOf(kind string) func(ctx context.Context, f *workflow.Firing) error {
	return func(ctx context.Context, f *workflow.Firing) error {
		if kind == DeskNoticeReferred && f.To != RequestReferred {
			return nil
		}
		return s.tellDesk(ctx, f.Tx, kind, requestOf(f))
	}
}

// deskLine names what happened to which organisation at which
// conference, in a reader's language.
func (s *Service) deskLine(ctx context.Context, tx *gorm.DB, kind string, r *Request) (func(locale string) string, error) {
	conf, err := conferenceByID(ctx, tx, r.ConferenceID)
	if err != nil {
		return nil, err
	}
	org, err := organizationName(tx.WithContext(ctx), r.OrganizationID)
	if err != nil {
		return nil, err
	}
	return func(locale string) string {
		return deskText(locale, kind, "organization", org, "code", conf.Code)
	}, nil
}

// deskText is the catalog entry desk.notify_<key> in locale.
func deskText(locale, key string, args ...string) string {
	cat, err := deskCatalog()
	if err != nil {
		return key
	}
	a := i18n.Args{}
	for i := 0; i+1 < len(args); i += 2 {
		a[args[i]] = args[i+1]
	}
	return cat.T(locale, "desk.notify_"+key, a)
}

// DeskDigestOf is the actor's choice of digest (secretariat only).
func (s *Service) DeskDigestOf(ctx context.Context, actor accord.Actor) (*DeskDigest, error) {
	if err := s.authz.Check(ctx, actor, KindConference, ActionDesk, nil); err != nil {
		return nil, err
	}
	d := DeskDigest{UserID: actor.UserID}
	err := s.db.WithContext(ctx).Where("user_id = ?", actor.UserID).Limit(1).Find(&d).Error
	if err != nil {
		return nil, wrap("read digest choice", err)
	}
	return &d, nil
}

// SetDeskDigest records whether the actor takes one daily digest instead
// of a message each. Turning it off sends nothing already kept: the next
// tick's digest still carries it.
func (s *Service) SetDeskDigest(ctx context.Context, actor accord.Actor, daily bool) (*DeskDigest, error) {
	if err := s.authz.Check(ctx, actor, KindConference, ActionDesk, nil); err != nil {
		return nil, err
	}
	// The first digest comes a day after the choice, not at the next tick.
	now := s.now()
	d := DeskDigest{UserID: actor.UserID, Daily: daily, LastSentAt: &now, UpdatedAt: now}
	err := s.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "user_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"daily", "updated_at"}),
	}).Create(&d).Error
	if err != nil {
		return nil, wrap("save digest choice", err)
	}
	return s.DeskDigestOf(ctx, actor)
}

// SendDeskDigests sends each officer's digest of what is kept for them,
// at most once a day, as one message, and returns how many went out.
func (s *Service) SendDeskDigests(ctx context.Context) (int, error) {
	now := s.now()
	var waiting []string
	err := s.db.WithContext(ctx).Model(&DeskNotice{}).Where("sent_at IS NULL").Distinct().Pluck("user_id", &waiting).Error
	if err != nil {
		return 0, wrap("find desk notices waiting", err)
	}
	sent := 0
	for _, userID := range waiting {
		var d DeskDigest
		if err := s.db.WithContext(ctx).Where("user_id = ?", userID).Limit(1).Find(&d).Error; err != nil {
			return sent, wrap("read digest choice", err)
		}
		if d.LastSentAt != nil && d.LastSentAt.After(now.Add(-24*time.Hour)) {
			continue // not a day since the last digest
		}
		ok, err := s.sendDigest(ctx, userID, now)
		if err != nil {
			return sent, err
		}
		if ok {
			sent++
		}
	}
	return sent, nil
}

func (s *Service) sendDigest(ctx context.Context, userID string, now time.Time) (bool, error) {
	sent := false
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		var notices []DeskNotice
		if err := tx.Where("user_id = ? AND sent_at IS NULL", userID).Order("created_at, id").Find(&notices).Error; err != nil {
			return fmt.Errorf("read desk notices: %w", err)
		}
		if len(notices) == 0 {
			return nil
		}
		officers, err := usersWhere(tx, "id = ?", userID)
		if err != nil || len(officers) == 0 {
			return err
		}
		locale := officers[0].Locale
		var lines []string
		for _, n := range notices {
			r, err := requestByID(ctx, tx, n.AccreditationRequestID)
			if err != nil {
				return err
			}
			line, err := s.deskLine(ctx, tx, n.Kind, r)
			if err != nil {
				return err
			}
			lines = append(lines, "- "+line(locale)+"\n  "+s.link("/accreditation-requests/"+r.ID))
		}
		title := deskText(locale, "digest_title", "count", fmt.Sprint(len(notices)))
		err = s.tell(ctx, tx, officers, "notice", func(string) map[string]any {
			return map[string]any{"title": title, "text": strings.Join(lines, "\n")}
		})
		if err != nil {
			return err
		}
		ids := make([]string, len(notices))
		for i, n := range notices {
			ids[i] = n.ID
		}
		if err := tx.Model(&DeskNotice{}).Where("id IN ?", ids).Update("sent_at", now).Error; err != nil {
			return fmt.Errorf("mark desk notices sent: %w", err)
		}
		sent = true
		return tx.Model(&DeskDigest{}).Where("user_id = ?", userID).Update("last_sent_at", now).Error
	})
	if err != nil {
		return false, wrap("send desk digest", err)
	}
	return sent, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
