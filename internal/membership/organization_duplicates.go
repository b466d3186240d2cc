package membership

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// Duplicate is another organisation in the same country that may be the
// same one registered twice: its normalised name, English name or
// registration number matches. Reviewers see these as warnings; nothing
// is refused because of them.
type Duplicate struct {
	OrganizationID string   `json:"organization_id"`
	Name           string   `json:"name"`
	NameEN         string   `json:"name_en"`
	Country        string   `json:"country"`
	Matches        []string `json:"matches"` // "name", "registration_number"
}

// findDuplicates returns, for each of the organisations ids, the others
// in its country whose keys match, in one query for a whole page.
func findDuplicates(ctx context.Context, db *gorm.DB, ids []string) (map[string][]Duplicate, error) {
	out := map[string][]Duplicate{}
	if len(ids) == 0 {
		return out, nil
	}
	type row struct {
		OfID              string `gorm:"column:of_id"`
		OfNameKey         string `gorm:"column:of_name_key"`
		OfNameENKey       string `gorm:"column:of_name_en_key"`
		OfRegistrationKey string `gorm:"column:of_registration_key"`
		ID                string `gorm:"column:id"`
		Name              string `gorm:"column:name"`
		NameEN            string `gorm:"column:name_en"`
		Country           string `gorm:"column:country"`
		NameKey           string `gorm:"column:name_key"`
		NameENKey         string `gorm:"column:name_en_key"`
		RegistrationKey   string `gorm:"column:registration_key"`
	}
	var rows []row
	err := db.WithContext(ctx).Raw(`
		SELECT o.id AS of_id, o.name_key AS of_name_key, o.name_en_key AS of_name_en_key,
		       o.registration_key AS of_registration_key,
		       d.id, d.name, d.name_en, d.country, d.name_key, d.name_en_key, d.registration_key
		FROM organizations o
		JOIN organizations d ON d.country = o.country AND d.id <> o.id AND (
		     (o.name_key <> '' AND (d.name_key = o.name_key OR d.name_en_key = o.name_key))
		  OR (o.name_en_key <> '' AND (d.name_en_key = o.name_en_key OR d.name_key = o.name_en_key))
		  OR (o.registration_key <> '' AND d.registration_key = o.registration_key))
		WHERE o.id IN ?
		ORDER BY o.id, d.name_en_key, d.id`, ids).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("find duplicate organizations: %w", err)
	}
	for _, r := range rows {
		var matches []string
		names := []string{r.OfNameKey, r.OfNameENKey}
		for _, k := range names {
			if k != "" && (k == r.NameKey || k == r.NameENKey) {
				matches = append(matches, "name")
				break
			}
		}
		if r.OfRegistrationKey != "" && r.OfRegistrationKey == r.RegistrationKey {
			matches = append(matches, "registration_number")
		}
		out[r.OfID] = append(out[r.OfID], Duplicate{
			OrganizationID: r.ID, Name: r.Name, NameEN: r.NameEN, Country: r.Country, Matches: matches,
		})
	}
	return out, nil
}
