package membership

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/store"
)

// loadOrganization reads one organisation; a missing one is
// accord.NotFound, exactly like one the caller may not see.
func loadOrganization(ctx context.Context, db *gorm.DB, id string) (*Organization, error) {
	if !validID(id) {
		return nil, accord.NotFound(KindOrganization)
	}
	var o Organization
	err := db.WithContext(ctx).Where("id = ?", id).Take(&o).Error
	if store.IsNotFound(err) {
		return nil, accord.NotFound(KindOrganization)
	}
	if err != nil {
		return nil, fmt.Errorf("load organization %s: %w", id, err)
	}
	return &o, nil
}

// organizationsByID reads several organisations at once, for lists.
func organizationsByID(ctx context.Context, db *gorm.DB, ids []string) (map[string]*Organization, error) {
	out := map[string]*Organization{}
	if len(ids) == 0 {
		return out, nil
	}
	var orgs []Organization
	if err := db.WithContext(ctx).Where("id IN ?", ids).Find(&orgs).Error; err != nil {
		return nil, fmt.Errorf("load organizations: %w", err)
	}
	for i := range orgs {
		out[orgs[i].ID] = &orgs[i]
	}
	return out, nil
}

// regionOf is the region of a country from the reference table, read in
// tx; an unknown country is a field error rather than a missing object.
func regionOf(ctx context.Context, tx *gorm.DB, code string) (string, error) {
	var regions []string
	if err := tx.WithContext(ctx).Table("countries").Where("code = ?", code).Pluck("region", &regions).Error; err != nil {
		return "", fmt.Errorf("region of %s: %w", code, err)
	}
	if len(regions) == 0 {
		return "", accord.Invalid("the request has invalid fields", accord.Field("country", "not a country we know"))
	}
	return regions[0], nil
}

// saveOrganization writes o over the row at version and moves it to the
// next version; a row changed meanwhile is a conflict.
func saveOrganization(ctx context.Context, tx *gorm.DB, o *Organization, version int) error {
	res := tx.WithContext(ctx).Model(&Organization{}).Where("id = ? AND version = ?", o.ID, version).Updates(map[string]any{
		"name": o.Name, "name_en": o.NameEN, "acronym": o.Acronym, "country": o.Country, "region": o.Region,
		"city": o.City, "registration_number": o.RegistrationNumber, "registration_authority": o.RegistrationAuthority,
		"year_founded": o.YearFounded, "website": o.Website, "email": o.Email, "phone": o.Phone,
		"areas": o.Areas, "uncac_chapters": o.UNCACChapters, "ecosoc_status": o.EcosocStatus,
		"ecosoc_since": o.EcosocSince, "declarations": o.Declarations,
		"name_key": o.NameKey, "name_en_key": o.NameENKey, "registration_key": o.RegistrationKey,
		"version": version + 1, "updated_at": o.UpdatedAt,
	})
	if res.Error != nil {
		return fmt.Errorf("save organization %s: %w", o.ID, res.Error)
	}
	if res.RowsAffected == 0 {
		return accord.Conflict("the organisation was changed meanwhile: reload and try again")
	}
	o.Version = version + 1
	return nil
}

// auditOrganization records a change to a profile in tx.
func auditOrganization(ctx context.Context, tx *gorm.DB, actor accord.Actor, o *Organization, event string, data map[string]any) error {
	return audit.Append(ctx, tx, &audit.Event{
		EntityType: KindOrganization,
		EntityID:   o.ID,
		Event:      event,
		ActorID:    actor.UserID,
		ActorRole:  string(actor.Role),
		RequestID:  actor.RequestID,
		Data:       data,
		OccurredAt: o.UpdatedAt,
	})
}
