package accreditation

import (
	"strings"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/namekey"
)

// delegateNameKey is the search key of a delegate's names in both scripts.
func delegateNameKey(d *Delegate) string {
	return namekey.Of(strings.Join([]string{d.GivenName, d.FamilyName, d.GivenNameOriginal, d.FamilyNameOriginal}, " "))
}

// BeforeSave keeps the names' search key with the names, whichever path
// writes a delegate.
func (d *Delegate) BeforeSave(*gorm.DB) error {
	d.NameKey = delegateNameKey(d)
	return nil
}
