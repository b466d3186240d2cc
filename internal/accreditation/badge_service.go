package accreditation

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// Badge is a delegate's signed badge token and where it is verified.
type Badge struct {
	Token     string    `json:"token"`
	VerifyURL string    `json:"verify_url"`
	ExpiresAt time.Time `json:"expires_at"`
}

// badgedStates are the delegate states in which a badge exists.
var badgedStates = []string{DelegateBadgeIssued, DelegateCheckedIn}

// BadgeOf returns the badge of a delegate whose badge was issued. Tokens
// are not stored: Ed25519 signatures are deterministic, so the same
// delegate always gets the same token, and a token is only as good as the
// delegate's state when it is verified.
func (s *Service) BadgeOf(ctx context.Context, actor accord.Actor, delegateID string) (*Badge, error) {
	var b *Badge
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		subj, r, err := s.loadDelegate(ctx, tx, actor, delegateID)
		if err != nil {
			return err
		}
		d := subj.Value.(*Delegate)
		if err := s.authz.Check(ctx, actor, KindDelegate, ActionBadge, &DelegateAccess{Delegate: d, Request: r}); err != nil {
			return err
		}
		if !slices.Contains(badgedStates, d.State) {
			return accord.Conflict("no badge: the delegate is %s", d.State)
		}
		conf, err := conferenceByID(ctx, tx, r.ConferenceID)
		if err != nil {
			return err
		}
		expires := badgeExpiry(conf)
		token, err := s.badges.sign(badgeClaims{Delegate: d.ID, Conference: conf.ID, Expires: expires.Unix()})
		if err != nil {
			return err
		}
		b = &Badge{Token: token, VerifyURL: s.link("/verify/" + token), ExpiresAt: expires}
		return nil
	})
	if err != nil {
		return nil, wrap("badge", err)
	}
	return b, nil
}

// BadgePNG is the QR code of the badge's verification address, to print.
func (s *Service) BadgePNG(ctx context.Context, actor accord.Actor, delegateID string) ([]byte, error) {
	b, err := s.BadgeOf(ctx, actor, delegateID)
	if err != nil {
		return nil, err
	}
	png, err := qrPNG(b.VerifyURL)
	if err != nil {
		return nil, fmt.Errorf("badge qr code: %w", err)
	}
	return png, nil
}

// BadgeCheck is what anyone learns from a badge: whether it is valid and,
// if so, whose it is (docs/api.md, Badge verification).
type BadgeCheck struct {
	Valid           bool         `json:"valid"`
	Delegate        *BadgeHolder `json:"delegate,omitempty"`
	Organization    string       `json:"organization,omitempty"`
	Conference      string       `json:"conference,omitempty"` // its code
	ConferenceTitle string       `json:"conference_title,omitempty"`
	CheckedIn       bool         `json:"checked_in"`
	CheckedInAt     *time.Time   `json:"checked_in_at,omitempty"`
}

// BadgeHolder names the badge's holder as the passport does.
type BadgeHolder struct {
	GivenName  string `json:"given_name"`
	FamilyName string `json:"family_name"`
}

// VerifyBadge tells anyone whether a badge token is valid: genuine,
// unexpired, of a delegate whose badge stands (issued or used at the
// door) and whose organisation is still accredited. A forged, tampered or
// stale token is simply not valid; it is no error.
func (s *Service) VerifyBadge(ctx context.Context, actor accord.Actor, token string) (*BadgeCheck, error) {
	if err := s.authz.Check(ctx, actor, KindBadge, ActionVerify, nil); err != nil {
		return nil, err
	}
	var check *BadgeCheck
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		var err error
		check, _, err = s.checkBadge(ctx, tx, token)
		return err
	})
	if err != nil {
		return nil, wrap("verify badge", err)
	}
	return check, nil
}

// checkBadge verifies token and returns what it shows and, when valid,
// the delegate it belongs to.
func (s *Service) checkBadge(ctx context.Context, tx *gorm.DB, token string) (*BadgeCheck, *Delegate, error) {
	invalid := &BadgeCheck{}
	c, err := s.badges.verify(token, s.now())
	if err != nil {
		return invalid, nil, nil
	}
	var d Delegate
	if err := tx.WithContext(ctx).Take(&d, "id = ?", c.Delegate).Error; err != nil {
		if store.IsNotFound(err) {
			return invalid, nil, nil
		}
		return nil, nil, fmt.Errorf("badge delegate: %w", err)
	}
	r, err := requestByID(ctx, tx, d.AccreditationRequestID)
	if err != nil {
		return nil, nil, err
	}
	if r.ConferenceID != c.Conference || r.State != RequestAccredited || !slices.Contains(badgedStates, d.State) {
		return invalid, nil, nil
	}
	conf, err := conferenceByID(ctx, tx, r.ConferenceID)
	if err != nil {
		return nil, nil, err
	}
	org, err := organizationName(tx.WithContext(ctx), r.OrganizationID)
	if err != nil {
		return nil, nil, err
	}
	return &BadgeCheck{
		Valid:        true,
		Delegate:     &BadgeHolder{GivenName: d.GivenName, FamilyName: d.FamilyName},
		Organization: org, Conference: conf.Code, ConferenceTitle: conf.Title,
		CheckedIn: d.State == DelegateCheckedIn, CheckedInAt: d.CheckedInAt,
	}, &d, nil
}
