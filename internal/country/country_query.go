package country

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// List returns every country sorted by English name. The sort happens here,
// not in SQL, so that both engines give the same order and "Åland Islands"
// sorts with the A's rather than after "Zimbabwe" as a byte order would.
func List(ctx context.Context, db *store.DB) ([]Country, error) {
	var cs []Country
	if err := db.WithContext(ctx).Find(&cs).Error; err != nil {
		return nil, fmt.Errorf("list countries: %w", err)
	}
	col := collate.New(language.English, collate.Loose)
	slices.SortFunc(cs, func(a, b Country) int {
		if c := col.CompareString(a.NameEN, b.NameEN); c != 0 {
			return c
		}
		return strings.Compare(a.Code, b.Code)
	})
	return cs, nil
}

// Get returns the country with code, in any letter case; accord.NotFound
// when there is none.
func Get(ctx context.Context, db *store.DB, code string) (Country, error) {
	code = NormalizeCode(code)
	if !isAlpha2(code) {
		return Country{}, accord.NotFound("country")
	}
	var c Country
	err := db.WithContext(ctx).Where("code = ?", code).Take(&c).Error
	if store.IsNotFound(err) {
		return Country{}, accord.NotFound("country")
	}
	if err != nil {
		return Country{}, fmt.Errorf("get country %s: %w", code, err)
	}
	return c, nil
}

// RegionOf returns the coalition region of the country with code;
// accord.NotFound when there is no such country.
func RegionOf(ctx context.Context, db *store.DB, code string) (string, error) {
	c, err := Get(ctx, db, code)
	if err != nil {
		return "", err
	}
	return c.Region, nil
}

// Regions returns the coalition's regions sorted by code.
func Regions(ctx context.Context, db *store.DB) ([]Region, error) {
	var rs []Region
	if err := db.WithContext(ctx).Order("code").Find(&rs).Error; err != nil {
		return nil, fmt.Errorf("list regions: %w", err)
	}
	return rs, nil
}
