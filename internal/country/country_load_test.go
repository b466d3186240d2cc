package country_test

import (
	"context"
	"slices"
	"testing"
	"unicode"

	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// isoCountries is how many alpha-2 codes ISO 3166-1 officially assigns.
const isoCountries = 249

func load(t *testing.T, db *store.DB) {
	t.Helper()
	regions, countries, err := country.Load(context.Background(), db)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if regions != 5 || countries != isoCountries {
		t.Fatalf("Load = %d regions, %d countries; want 5, %d", regions, countries, isoCountries)
	}
}

func countRows(t *testing.T, db *store.DB, table string) int64 {
	t.Helper()
	var n int64
	if err := db.WithContext(context.Background()).Table(table).Count(&n).Error; err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

func TestLoadTwiceLeavesTheSameRows(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		for run := 1; run <= 2; run++ {
			load(t, db)
			if n := countRows(t, db, "regions"); n != 5 {
				t.Errorf("run %d: %d regions, want 5", run, n)
			}
			if n := countRows(t, db, "countries"); n != isoCountries {
				t.Errorf("run %d: %d countries, want %d", run, n, isoCountries)
			}
		}
	})
}

func TestLoadUpdatesChangedRows(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		load(t, db)
		g := db.WithContext(ctx)
		if err := g.Table("countries").Where("code = ?", "EG").
			Updates(map[string]any{"name_fr": "stale", "region": "AFR"}).Error; err != nil {
			t.Fatal(err)
		}
		if err := g.Table("regions").Where("code = ?", "ECA").Update("name_es", "stale").Error; err != nil {
			t.Fatal(err)
		}
		load(t, db)
		eg, err := country.Get(ctx, db, "EG")
		if err != nil {
			t.Fatal(err)
		}
		if eg.NameFR != "Égypte" || eg.Region != "MENA" {
			t.Errorf("after reload EG = %q in %s, want Égypte in MENA", eg.NameFR, eg.Region)
		}
		rs, err := country.Regions(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		if rs[3].Code != "ECA" || rs[3].NameES != "Europa y Asia Central" {
			t.Errorf("after reload regions[3] = %+v, want ECA named Europa y Asia Central", rs[3])
		}
	})
}

func TestSeedNamesAndRegions(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		load(t, db)
		cs, err := country.List(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != isoCountries {
			t.Fatalf("List returned %d countries, want %d", len(cs), isoCountries)
		}
		perRegion := map[string]int{}
		for _, c := range cs {
			perRegion[c.Region]++
			if !slices.Contains(country.RegionCodes, c.Region) {
				t.Errorf("%s: region %q is not a coalition region", c.Code, c.Region)
			}
			for lang, name := range map[string]string{"ar": c.NameAR, "en": c.NameEN, "fr": c.NameFR, "es": c.NameES} {
				if name == "" {
					t.Errorf("%s: no %s name", c.Code, lang)
				}
			}
			if !hasArabicOnly(c.NameAR) {
				t.Errorf("%s: Arabic name %q lacks Arabic letters or has Latin ones", c.Code, c.NameAR)
			}
		}
		for _, r := range country.RegionCodes {
			if perRegion[r] == 0 {
				t.Errorf("region %s has no country", r)
			}
		}
		// The MENA rule names exactly these 22 countries and territories.
		if perRegion["MENA"] != 22 {
			t.Errorf("MENA has %d countries, want 22", perRegion["MENA"])
		}
	})
}

// hasArabicOnly reports whether s has at least one Arabic letter and no
// Latin one; spaces, punctuation and brackets may appear.
func hasArabicOnly(s string) bool {
	arabic := false
	for _, r := range s {
		if unicode.Is(unicode.Latin, r) {
			return false
		}
		if unicode.IsLetter(r) && unicode.Is(unicode.Arabic, r) {
			arabic = true
		}
	}
	return arabic
}
