package accreditation

import (
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/i18n"
	"github.com/accord-coalition/accord/internal/notify"
)

// orgNames are an organisation's name in its own script and in English.
type orgNames struct {
	Name   string
	NameEN string `gorm:"column:name_en"`
}

// in is how a message to a reader of locale names the organisation: in
// the script the reader reads, with the English name beside it.
func (o orgNames) in(locale string) string { return notify.OrganizationName(locale, o.Name, o.NameEN) }

// organizationNames loads an organisation's names.
func organizationNames(tx *gorm.DB, id string) (orgNames, error) {
	var o orgNames
	if err := tx.Table("organizations").Select("name, name_en").Where("id = ?", id).Take(&o).Error; err != nil {
		return o, fmt.Errorf("organisation %s: %w", id, err)
	}
	return o, nil
}

// stateName is a request's state as the pages name it in locale, for a
// message about a state it has no sentence of its own for.
func stateName(locale, state string) string {
	return i18n.Builtin().T(locale, "accreditation.state_"+state, nil)
}
