package membership

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/notify"
	"github.com/accord-coalition/accord/internal/store"
)

// localName is a value of a message's data that has a name in each
// language: a message in Arabic says "الأردن", not "JO".
type localName interface{ Name(locale string) string }

// namedIn is data with its localName values named in locale.
func namedIn(locale string, data map[string]any) map[string]any {
	out := make(map[string]any, len(data))
	for k, v := range data {
		if n, ok := v.(localName); ok {
			v = n.Name(locale)
		}
		out[k] = v
	}
	return out
}

// orgName names an organisation in the script its reader reads, with its
// English name beside it.
type orgName struct{ org *Organization }

func (o orgName) Name(locale string) string {
	return notify.OrganizationName(locale, o.org.Name, o.org.NameEN)
}

// codeName is a code with no names on record: it is named as it is.
type codeName string

func (c codeName) Name(string) string { return string(c) }

// placeOf is the organisation's country and coalition region, as messages
// name them. A country or region missing from the reference tables is
// named by its code rather than failing the transition.
func placeOf(ctx context.Context, tx *gorm.DB, org *Organization) (place, region localName, err error) {
	var c country.Country
	switch err := tx.WithContext(ctx).Take(&c, "code = ?", org.Country).Error; {
	case store.IsNotFound(err):
		place = codeName(org.Country)
	case err != nil:
		return nil, nil, fmt.Errorf("country of %s: %w", org.ID, err)
	default:
		place = c
	}
	var r country.Region
	switch err := tx.WithContext(ctx).Take(&r, "code = ?", org.Region).Error; {
	case store.IsNotFound(err):
		region = codeName(org.Region)
	case err != nil:
		return nil, nil, fmt.Errorf("region of %s: %w", org.ID, err)
	default:
		region = r
	}
	return place, region, nil
}
