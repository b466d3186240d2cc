package membership

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/namekey"
	"github.com/accord-coalition/accord/internal/store"
)

// DirectoryEntry is what the public sees of an active member (docs/api.md).
type DirectoryEntry struct {
	OrganizationID string           `json:"organization_id"`
	Name           string           `json:"name"`
	NameEN         string           `json:"name_en"`
	Acronym        string           `json:"acronym"`
	Country        string           `json:"country"`
	Region         string           `json:"region"`
	Website        string           `json:"website"`
	Areas          store.StringList `json:"areas"`
	MemberSince    time.Time        `json:"member_since"`
}

// DirectoryFilter narrows the directory. Q is matched against the
// normalised names and the acronym, so Arabic spelling variants meet.
type DirectoryFilter struct {
	Q       string
	Region  string
	Country string
	Limit   int
	Cursor  string
}

// Directory lists active members, ordered by English name, a page at a
// time. It is the public scope of organisations: it shows no contact
// beyond the website, and the Authorizer lets every actor read it.
func (s *Service) Directory(ctx context.Context, actor accord.Actor, f DirectoryFilter) ([]DirectoryEntry, string, error) {
	if err := s.authz.Check(ctx, actor, KindOrganization, auth.ActionReadPublic, nil); err != nil {
		return nil, "", err
	}
	cur, hasCursor, err := nameCursor(f.Cursor, f.Q)
	if err != nil {
		return nil, "", err
	}
	limit := store.Limit(f.Limit)
	q := s.db.WithContext(ctx).Table("organizations o").
		Select(`o.id AS organization_id, o.name, o.name_en, o.acronym, o.country, o.region,
			o.website, o.areas, m.since AS member_since, o.name_en_key`).
		Joins("JOIN memberships m ON m.organization_id = o.id AND m.state = ?", MembershipActive)
	if f.Region != "" {
		q = q.Where("o.region = ?", strings.ToUpper(f.Region))
	}
	if f.Country != "" {
		q = q.Where("o.country = ?", strings.ToUpper(f.Country))
	}
	// Each word of the search, an Arabic one without its article, must
	// occur in one of the names: "النزاهة" finds "للنزاهة".
	q = store.WhereEveryTerm(q, namekey.Terms(f.Q), "o.name_key", "o.name_en_key", "lower(o.acronym)")
	if hasCursor {
		q = q.Where("(o.name_en_key > ? OR (o.name_en_key = ? AND o.id > ?))", cur.Key, cur.Key, cur.ID)
	}
	type row struct {
		DirectoryEntry
		NameENKey string `gorm:"column:name_en_key"`
	}
	var rows []row
	if err := q.Order("o.name_en_key, o.id").Limit(limit + 1).Scan(&rows).Error; err != nil {
		return nil, "", fmt.Errorf("list directory: %w", err)
	}
	rows, next := store.TrimPage(rows, limit, func(last row) string {
		return store.Cursor{Key: last.NameENKey, ID: last.OrganizationID}.Encode()
	})
	out := make([]DirectoryEntry, len(rows))
	for i, r := range rows {
		out[i] = r.DirectoryEntry
		if out[i].Areas == nil {
			out[i].Areas = store.StringList{}
		}
		if err := s.authz.Check(ctx, actor, KindOrganization, auth.ActionReadPublic, &out[i]); err != nil {
			return nil, "", err
		}
	}
	return out, next, nil
}

// Models lists the package's GORM models, for the schema agreement test.
func Models() []any {
	return []any{&Organization{}, &Application{}, &Membership{}, &Document{}, &documentBlob{}, &Recusal{}}
}
