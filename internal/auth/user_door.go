package auth

import (
	"fmt"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
)

// checkDoorScope: door staff check in at exactly one conference
// (docs/domain.md, "People and roles"), and nobody else is bound to one.
func checkDoorScope(v *accord.Validation, role accord.Role, conferenceID *string) {
	if role != accord.RoleDoor {
		v.Check(conferenceID == nil, "conference_id", "only door staff are bound to a conference")
		return
	}
	if conferenceID == nil {
		v.Add("conference_id", "door staff need the conference they check in at")
		return
	}
	v.Check(uuid.Validate(*conferenceID) == nil, "conference_id", "is not a conference id")
}

// checkConferenceExists refuses a door account for a conference that does
// not exist, which the foreign key would otherwise refuse obscurely.
func checkConferenceExists(tx *gorm.DB, conferenceID *string) error {
	if conferenceID == nil {
		return nil
	}
	var n int64
	if err := tx.Table("conferences").Where("id = ?", *conferenceID).Count(&n).Error; err != nil {
		return fmt.Errorf("look up conference: %w", err)
	}
	if n == 0 {
		return accord.Invalid("the request has invalid fields", accord.Field("conference_id", "no such conference"))
	}
	return nil
}
