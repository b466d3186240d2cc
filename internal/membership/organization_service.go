package membership

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/namekey"
	"github.com/accord-coalition/accord/internal/store"
)

// OrganizationView is a profile as its reader sees it: reviewers also get
// the organisations that may be the same one registered twice.
type OrganizationView struct {
	Organization
	PossibleDuplicates []Duplicate `json:"possible_duplicates,omitempty"`
}

// OrganizationFilter narrows the list of organisations.
type OrganizationFilter struct {
	Q       string
	Country string
	Region  string
	Limit   int
	Cursor  string
}

// CreateOrganization saves a new profile. An applicant's account joins the
// organisation it creates, in the same transaction; an applicant that
// already belongs to one is refused (409). Staff create profiles without
// joining them.
func (s *Service) CreateOrganization(ctx context.Context, actor accord.Actor, in OrganizationInput) (*OrganizationView, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	if err := s.authz.Check(ctx, actor, KindOrganization, auth.ActionCreate, nil); err != nil {
		return nil, err
	}
	if actor.Is(accord.RoleApplicant) && actor.OrganizationID != "" {
		return nil, accord.Conflict("this account already belongs to an organisation; change its profile instead")
	}
	now := s.now()
	o := newOrganization(in)
	o.ID = uuid.NewString()
	o.Version = 1
	o.CreatedAt, o.UpdatedAt = now, now
	o.CreatedBy = &actor.UserID
	var v accord.Validation
	o.validate(&v, now)
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		region, err := regionOf(ctx, tx, o.Country)
		if err != nil {
			return err
		}
		o.Region = region
		if err := s.authz.Check(ctx, actor, KindOrganization, auth.ActionCreate, o); err != nil {
			return err
		}
		if actor.Is(accord.RoleApplicant) {
			if err := refuseRegisteredTwin(tx, o); err != nil {
				return err
			}
		}
		if err := tx.Create(o).Error; err != nil {
			return fmt.Errorf("insert organization: %w", err)
		}
		if actor.Is(accord.RoleApplicant) {
			if err := auth.JoinOrganization(ctx, tx, actor.UserID, o.ID, now); err != nil {
				return err
			}
		}
		return auditOrganization(ctx, tx, actor, o, "organization_created", map[string]any{"country": o.Country})
	})
	if err != nil {
		return nil, wrap("create organization", err)
	}
	s.log.InfoContext(ctx, "organization created", "organization_id", o.ID, "by", actor.UserID)
	return s.organizationView(ctx, s.db.WithContext(ctx), actor, o)
}

// GetOrganization returns one profile the actor may see.
func (s *Service) GetOrganization(ctx context.Context, actor accord.Actor, id string) (*OrganizationView, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	db := s.db.WithContext(ctx)
	o, err := loadOrganization(ctx, db, id)
	if err != nil {
		return nil, err
	}
	if err := s.authz.Check(ctx, actor, KindOrganization, auth.ActionRead, o); err != nil {
		return nil, err
	}
	return s.organizationView(ctx, db, actor, o)
}

// UpdateOrganization changes the fields p carries, if the profile is still
// at p.Version. The region follows a changed country.
func (s *Service) UpdateOrganization(ctx context.Context, actor accord.Actor, id string, p OrganizationPatch) (*OrganizationView, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	var o *Organization
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		var err error
		if o, err = loadOrganization(ctx, tx, id); err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindOrganization, auth.ActionRead, o); err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindOrganization, auth.ActionUpdate, o); err != nil {
			return err
		}
		if p.Version < 1 {
			return accord.Invalid("the request has invalid fields", accord.Field("version", "required: the version you read"))
		}
		if p.Version != o.Version {
			return accord.Conflict("the organisation is at version %d, not %d: reload and try again", o.Version, p.Version)
		}
		before := *o
		p.apply(o)
		o.UpdatedAt = s.now()
		var v accord.Validation
		o.validate(&v, o.UpdatedAt)
		if err := v.Err(); err != nil {
			return err
		}
		if o.Country != before.Country {
			if o.Region, err = regionOf(ctx, tx, o.Country); err != nil {
				return err
			}
		}
		if err := saveOrganization(ctx, tx, o, p.Version); err != nil {
			return err
		}
		if o.Region != before.Region {
			// A draft follows its organisation, so that the new region's
			// coordinators, not the old one's, see it. Submitted
			// applications keep the region of their reviewers.
			err := tx.Model(&Application{}).Where("organization_id = ? AND state = ?", o.ID, AppDraft).
				Update("region", o.Region).Error
			if err != nil {
				return fmt.Errorf("move drafts to region %s: %w", o.Region, err)
			}
		}
		return auditOrganization(ctx, tx, actor, o, "organization_updated", map[string]any{"fields": changedFields(&before, o)})
	})
	if err != nil {
		return nil, wrap("update organization", err)
	}
	return s.organizationView(ctx, s.db.WithContext(ctx), actor, o)
}

// ListOrganizations lists the profiles the actor may see, ordered by
// English name: an applicant its own, staff all of them, with filters.
func (s *Service) ListOrganizations(ctx context.Context, actor accord.Actor, f OrganizationFilter) ([]Organization, string, error) {
	if err := s.mayList(ctx, actor, KindOrganization); err != nil {
		return nil, "", err
	}
	cur, hasCursor, err := nameCursor(f.Cursor, f.Q)
	if err != nil {
		return nil, "", err
	}
	limit := store.Limit(f.Limit)
	q := s.db.WithContext(ctx).Model(&Organization{})
	if actor.Is(accord.RoleApplicant) {
		if actor.OrganizationID == "" {
			return []Organization{}, "", nil
		}
		q = q.Where("id = ?", actor.OrganizationID)
	}
	if f.Country != "" {
		q = q.Where("country = ?", strings.ToUpper(strings.TrimSpace(f.Country)))
	}
	if f.Region != "" {
		q = q.Where("region = ?", strings.ToUpper(strings.TrimSpace(f.Region)))
	}
	if key := namekey.Of(f.Q); key != "" {
		like := store.Contains(key)
		q = q.Where(`(name_key LIKE ? ESCAPE '\' OR name_en_key LIKE ? ESCAPE '\' OR lower(acronym) LIKE ? ESCAPE '\' OR registration_key = ?)`,
			like, like, like, namekey.Registration(f.Q))
	}
	if hasCursor {
		q = q.Where("(name_en_key > ? OR (name_en_key = ? AND id > ?))", cur.Key, cur.Key, cur.ID)
	}
	var orgs []Organization
	if err := q.Order("name_en_key, id").Limit(limit + 1).Find(&orgs).Error; err != nil {
		return nil, "", fmt.Errorf("list organizations: %w", err)
	}
	orgs, next := store.TrimPage(orgs, limit, func(last Organization) string {
		return store.Cursor{Key: last.NameENKey, ID: last.ID}.Encode()
	})
	visible := orgs[:0]
	for i := range orgs {
		if s.authz.Can(ctx, actor, KindOrganization, auth.ActionRead, &orgs[i]) {
			visible = append(visible, orgs[i])
		}
	}
	return visible, next, nil
}

// organizationView adds the duplicate warnings for reviewers.
func (s *Service) organizationView(ctx context.Context, db *gorm.DB, actor accord.Actor, o *Organization) (*OrganizationView, error) {
	v := &OrganizationView{Organization: *o}
	if s.authz.Can(ctx, actor, KindOrganization, ActionReview, o) {
		dups, err := findDuplicates(ctx, db, []string{o.ID})
		if err != nil {
			return nil, err
		}
		v.PossibleDuplicates = dups[o.ID]
	}
	return v, nil
}

// changedFields names the profile fields that differ, for the audit log;
// the values themselves stay in the table.
func changedFields(a, b *Organization) []string {
	var out []string
	add := func(name string, changed bool) {
		if changed {
			out = append(out, name)
		}
	}
	add("name", a.Name != b.Name)
	add("name_en", a.NameEN != b.NameEN)
	add("acronym", a.Acronym != b.Acronym)
	add("country", a.Country != b.Country)
	add("city", a.City != b.City)
	add("registration_number", a.RegistrationNumber != b.RegistrationNumber)
	add("registration_authority", a.RegistrationAuthority != b.RegistrationAuthority)
	add("year_founded", !equalInt(a.YearFounded, b.YearFounded))
	add("website", a.Website != b.Website)
	add("email", a.Email != b.Email)
	add("phone", a.Phone != b.Phone)
	add("areas", strings.Join(a.Areas, "\x00") != strings.Join(b.Areas, "\x00"))
	add("uncac_chapters", strings.Join(a.UNCACChapters, ",") != strings.Join(b.UNCACChapters, ","))
	add("ecosoc_status", a.EcosocStatus != b.EcosocStatus)
	add("ecosoc_since", !equalInt(a.EcosocSince, b.EcosocSince))
	add("declarations", a.Declarations != b.Declarations)
	return out
}

func equalInt(a, b *int) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// wrap adds context to unexpected errors and passes domain errors as they
// are, so the HTTP layer maps their kind.
func wrap(what string, err error) error {
	if err == nil || accord.KindOf(err) != accord.KindInternal {
		return err
	}
	return fmt.Errorf("%s: %w", what, err)
}
