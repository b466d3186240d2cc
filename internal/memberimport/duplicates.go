package memberimport

import (
	"context"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/namekey"
)

// matchKey is one way two organisations can be the same: in the same
// country, a normalised name (either name against either name) or a
// registration number.
type matchKey struct {
	country, kind, key string
}

const (
	matchName         = "name"
	matchRegistration = "registration_number"
)

func rowKeys(r *Row) []matchKey {
	var out []matchKey
	for _, n := range []string{r.Name, r.NameEN} {
		if k := namekey.Of(n); k != "" {
			out = append(out, matchKey{r.Country, matchName, k})
		}
	}
	if k := namekey.Registration(r.RegistrationNumber); k != "" {
		out = append(out, matchKey{r.Country, matchRegistration, k})
	}
	return out
}

type existing struct {
	ID, Name, MembershipID string
}

// findDuplicates lists the rows that look like an organisation already in
// Accord, by the same keys reviewers' duplicate warnings use, and the rows
// that repeat an earlier row of the file. It reads the organisations of the
// file's countries once, so 10,000 rows cost one query.
func findDuplicates(ctx context.Context, db *gorm.DB, rows []Row) ([]Duplicate, error) {
	var codes []string
	for i := range rows {
		if c := rows[i].Country; c != "" && !slices.Contains(codes, c) {
			codes = append(codes, c)
		}
	}
	known := map[matchKey]existing{}
	if len(codes) > 0 {
		var orgs []struct {
			ID, Name, Country, NameKey, NameENKey, RegistrationKey string
			MembershipID                                           *string
		}
		err := db.WithContext(ctx).Table("organizations o").
			Select("o.id, o.name, o.country, o.name_key, o.name_en_key, o.registration_key, m.id AS membership_id").
			Joins("LEFT JOIN memberships m ON m.organization_id = o.id").
			Where("o.country IN ?", codes).Order("o.created_at, o.id").Scan(&orgs).Error
		if err != nil {
			return nil, fmt.Errorf("read organizations for duplicates: %w", err)
		}
		for _, o := range orgs {
			e := existing{ID: o.ID, Name: o.Name}
			if o.MembershipID != nil {
				e.MembershipID = *o.MembershipID
			}
			for _, k := range []matchKey{{o.Country, matchName, o.NameKey}, {o.Country, matchName, o.NameENKey}, {o.Country, matchRegistration, o.RegistrationKey}} {
				if _, seen := known[k]; k.key != "" && !seen {
					known[k] = e
				}
			}
		}
	}
	inFile := map[matchKey]int{}
	var out []Duplicate
	for i := range rows {
		r := &rows[i]
		if r.Country == "" {
			continue
		}
		keys := rowKeys(r)
		d := Duplicate{Row: r.N}
		for _, k := range keys {
			if e, ok := known[k]; ok && (d.OrganizationID == "" || d.OrganizationID == e.ID) {
				d.OrganizationID, d.Name, d.MembershipID = e.ID, e.Name, e.MembershipID
				d.Matches = appendOnce(d.Matches, k.kind)
			}
		}
		if d.OrganizationID == "" {
			for _, k := range keys {
				if n, ok := inFile[k]; ok && (d.SameAsRow == 0 || d.SameAsRow == n) {
					d.SameAsRow = n
					d.Matches = appendOnce(d.Matches, k.kind)
				}
			}
		}
		for _, k := range keys {
			if _, ok := inFile[k]; !ok {
				inFile[k] = r.N
			}
		}
		if d.OrganizationID != "" || d.SameAsRow != 0 {
			out = append(out, d)
		}
	}
	return out, nil
}

func appendOnce(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
