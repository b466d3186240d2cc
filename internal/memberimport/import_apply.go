package memberimport

import (
	"context"
	"fmt"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/workflow"
)

// apply creates the import's organisations and active memberships, in the
// transition's transaction: every row or none. Rows that look like an
// organisation already in Accord — found again now, not trusted from the
// preview, since Accord may have changed since — and rows repeating an
// earlier row of the file are skipped, so the same file applied twice
// creates nothing the second time (docs/decisions.md).
func (s *Service) apply(ctx context.Context, f *workflow.Firing) error {
	im := importOf(f)
	dups, err := findDuplicates(ctx, f.Tx, im.Preview.Rows)
	if err != nil {
		return err
	}
	skip := map[int]bool{}
	for _, d := range dups {
		skip[d.Row] = true
	}
	regions, err := regionsByCountry(ctx, f)
	if err != nil {
		return err
	}
	source := s.source(im, "")
	comment := fmt.Sprintf("%s (sha256 %s)", im.Filename, im.SHA256)
	var members []membership.ImportedMember
	for _, r := range im.Preview.Rows {
		if !r.Valid || skip[r.N] {
			continue
		}
		o, fields := membership.CheckImportedProfile(membership.OrganizationInput{
			Name: r.Name, NameEN: r.NameEN, Acronym: r.Acronym, Country: r.Country, City: r.City,
			RegistrationNumber: r.RegistrationNumber, Email: r.Email, Website: r.Website,
		}, f.Now)
		if len(fields) > 0 {
			return accord.Invalid(fmt.Sprintf("row %d no longer passes the checks: upload the file again", r.N), fields...)
		}
		o.Region = regions[o.Country]
		if o.Region == "" {
			return accord.Invalid(fmt.Sprintf("row %d: the country %s is not known", r.N, o.Country), accord.Field("country", "unknown"))
		}
		var since time.Time
		if r.MemberSince != "" {
			since, _ = time.Parse(time.DateOnly, r.MemberSince)
		}
		src := make(map[string]any, len(source)+1)
		for k, v := range source {
			src[k] = v
		}
		src["row"] = r.N
		members = append(members, membership.ImportedMember{Organization: o, Since: since, Source: src, Comment: comment})
	}
	if len(members) > 0 {
		if _, err := membership.InsertImportedMembers(ctx, f.Tx, f.Actor, members, f.Now); err != nil {
			return err
		}
	}
	skipped := im.ValidCount - len(members)
	err = f.Tx.Model(&Import{}).Where("id = ?", im.ID).Updates(map[string]any{
		"created_count": len(members), "skipped_count": skipped, "applied_at": f.Now,
	}).Error
	if err != nil {
		return fmt.Errorf("record member import %s: %w", im.ID, err)
	}
	f.AuditData = map[string]any{"filename": im.Filename, "sha256": im.SHA256, "created": len(members), "skipped": skipped}
	s.log.InfoContext(ctx, "member list applied", "import_id", im.ID, "created", len(members), "skipped", skipped, "by", f.Actor.UserID)
	return nil
}

func regionsByCountry(ctx context.Context, f *workflow.Firing) (map[string]string, error) {
	var rows []struct{ Code, Region string }
	if err := f.Tx.WithContext(ctx).Table("countries").Select("code, region").Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("read country regions: %w", err)
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.Code] = r.Region
	}
	return out, nil
}
