package accreditation

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
)

// CheckinBundle is what a door keeps to check badges in without the
// network (docs/api.md, The door): the key badges are signed with, the
// issued badges and the codes no longer valid. No passport data: a door
// needs names to greet people, nothing more.
type CheckinBundle struct {
	ConferenceID string        `json:"conference_id"`
	Conference   string        `json:"conference"` // its code
	PublicKey    string        `json:"public_key"` // Ed25519, 32 bytes, base64url
	GeneratedAt  time.Time     `json:"generated_at"`
	Badges       []BundleBadge `json:"badges"`
	Revoked      []string      `json:"revoked"`
	// ETag changes whenever the badges, the revoked codes or the key do,
	// and not with generated_at.
	ETag string `json:"-"`
}

// BundleBadge is one issued badge as a door sees it.
type BundleBadge struct {
	Code         string     `json:"code"`
	DelegateID   string     `json:"delegate_id"`
	GivenName    string     `json:"given_name"`
	FamilyName   string     `json:"family_name"`
	Organization string     `json:"organization"`
	CheckedInAt  *time.Time `json:"checked_in_at,omitempty"`
}

// CheckedIn counts the bundle's badges already checked in: with
// len(Badges), the live count a door shows (checked in / expected).
func (b *CheckinBundle) CheckedIn() int {
	n := 0
	for _, x := range b.Badges {
		if x.CheckedInAt != nil {
			n++
		}
	}
	return n
}

// bundleRow is a delegate with a badge code, with what the bundle shows.
type bundleRow struct {
	ID           string
	State        string
	GivenName    string
	FamilyName   string
	BadgeCode    string
	CheckedInAt  *time.Time
	RequestState string
	Name         string
	NameEN       string `gorm:"column:name_en"`
}

// CheckinBundle returns the conference's bundle to the secretariat or the
// conference's door staff; door staff of another conference learn only
// that there is none.
func (s *Service) CheckinBundle(ctx context.Context, actor accord.Actor, conferenceID string) (*CheckinBundle, error) {
	var out *CheckinBundle
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		conf, err := findConference(tx.WithContext(ctx), conferenceID)
		if err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindCheckin, ActionBundle, &CheckinAccess{ConferenceID: conf.ID}); err != nil {
			return err
		}
		var rows []bundleRow
		err = tx.WithContext(ctx).Table("delegates d").
			Select("d.id, d.state, d.given_name, d.family_name, d.badge_code, d.checked_in_at, r.state AS request_state, o.name, o.name_en").
			Joins("JOIN accreditation_requests r ON r.id = d.accreditation_request_id").
			Joins("JOIN organizations o ON o.id = r.organization_id").
			Where("r.conference_id = ? AND d.badge_code IS NOT NULL", conf.ID).
			Order("d.badge_code").Scan(&rows).Error
		if err != nil {
			return fmt.Errorf("bundle badges: %w", err)
		}
		b := &CheckinBundle{
			ConferenceID: conf.ID, Conference: conf.Code, GeneratedAt: s.now(),
			PublicKey: b64.EncodeToString(s.badges.public),
			Badges:    []BundleBadge{}, Revoked: []string{},
		}
		valid := s.now().Before(badgeExpiry(conf))
		for _, r := range rows {
			if !valid || r.RequestState != RequestAccredited || !slices.Contains(badgedStates, r.State) {
				b.Revoked = append(b.Revoked, r.BadgeCode)
				continue
			}
			org := r.NameEN
			if org == "" {
				org = r.Name
			}
			b.Badges = append(b.Badges, BundleBadge{
				Code: r.BadgeCode, DelegateID: r.ID, GivenName: r.GivenName, FamilyName: r.FamilyName,
				Organization: org, CheckedInAt: r.CheckedInAt,
			})
		}
		b.ETag, err = bundleETag(b)
		out = b
		return err
	})
	if err != nil {
		return nil, wrap("check-in bundle", err)
	}
	return out, nil
}

func bundleETag(b *CheckinBundle) (string, error) {
	body, err := json.Marshal(struct {
		K string
		B []BundleBadge
		R []string
	}{b.PublicKey, b.Badges, b.Revoked})
	if err != nil {
		return "", fmt.Errorf("bundle etag: %w", err)
	}
	sum := sha256.Sum256(body)
	return `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`, nil
}
