package accreditation

import (
	"context"
	"fmt"

	"github.com/accord-coalition/accord/internal/store"
)

// BackfillPassportKeys gives the delegates nominated before passport
// hashes existed their hash, so that they too count in the one-person-per-
// conference check. A migration cannot: the hash needs the server secret.
// A delegate whose person is already nominated live to the same conference
// keeps no hash (the unique index refuses it) and is logged for the
// secretariat to sort out. It returns how many delegates it hashed.
func (s *Service) BackfillPassportKeys(ctx context.Context) (int, error) {
	var rows []Delegate
	err := s.db.WithContext(ctx).Select("id", "passport_number_enc").
		Where("passport_key IS NULL AND passport_number_enc IS NOT NULL").Find(&rows).Error
	if err != nil {
		return 0, fmt.Errorf("find delegates without a passport hash: %w", err)
	}
	n := 0
	for _, d := range rows {
		number, err := s.passports.open(d.ID, d.PassportNumberEnc)
		if err != nil {
			s.log.Warn("passport number does not open; left without a hash", "delegate_id", d.ID, "error", err)
			continue
		}
		err = s.db.WithContext(ctx).Model(&Delegate{}).Where("id = ? AND passport_key IS NULL", d.ID).
			UpdateColumn("passport_key", s.passports.identity(number)).Error
		switch {
		case store.IsDuplicate(err):
			s.log.Warn("the same passport is nominated twice to one conference; left without a hash", "delegate_id", d.ID)
		case err != nil:
			return n, fmt.Errorf("hash passport of delegate %s: %w", d.ID, err)
		default:
			n++
		}
	}
	return n, nil
}
