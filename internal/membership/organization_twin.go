package membership

import (
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
)

// msgAskInvitation is what a person registering an organisation that is
// already on Accord is told: join it by invitation rather than making a
// duplicate (docs/domain.md "Accounts").
const msgAskInvitation = "an organisation with this registration number in this country is already on Accord; ask its staff to invite you"

// refuseRegisteredTwin refuses an applicant's new profile whose country
// and registration number match an existing organisation's. Staff may
// still record such a profile; reviewers then see it flagged as a
// possible duplicate.
func refuseRegisteredTwin(tx *gorm.DB, o *Organization) error {
	if o.RegistrationKey == "" {
		return nil
	}
	var n int64
	err := tx.Model(&Organization{}).Where("country = ? AND registration_key = ?", o.Country, o.RegistrationKey).Count(&n).Error
	if err != nil {
		return fmt.Errorf("look for a registered twin: %w", err)
	}
	if n > 0 {
		return accord.Invalid("the request has invalid fields", accord.Field("registration_number", msgAskInvitation))
	}
	return nil
}
