package country_test

import (
	"context"
	"slices"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

func TestSpotChecks(t *testing.T) {
	cases := []struct {
		code, region   string
		ar, en, fr, es string // empty: not checked
	}{
		{code: "EG", region: "MENA", ar: "مصر", en: "Egypt", fr: "Égypte", es: "Egipto"},
		{code: "FR", region: "ECA", en: "France", fr: "France", es: "Francia"},
		{code: "DE", region: "ECA", ar: "ألمانيا", en: "Germany", fr: "Allemagne", es: "Alemania"},
		{code: "US", region: "AME", en: "United States", fr: "États-Unis", es: "Estados Unidos"},
		{code: "CN", region: "ASP", ar: "الصين", en: "China", fr: "Chine", es: "China"},
		{code: "BR", region: "AME"},
		{code: "KE", region: "AFR"},
		{code: "ID", region: "ASP"},
		{code: "TR", region: "ECA", en: "Türkiye"},
		{code: "IR", region: "MENA"},
		{code: "IL", region: "MENA"},
		{code: "SO", region: "AFR"},
		{code: "DJ", region: "AFR"},
		{code: "KM", region: "AFR"},
		{code: "MR", region: "MENA"},
		{code: "EH", region: "MENA"},
		{code: "PS", region: "MENA", ar: "دولة فلسطين", en: "State of Palestine", fr: "État de Palestine", es: "Estado de Palestina"},
		{code: "AF", region: "ASP"},
		{code: "PK", region: "ASP"},
		{code: "CY", region: "ECA"},
		{code: "RU", region: "ECA"},
		{code: "KZ", region: "ECA"},
		{code: "GE", region: "ECA"},
		{code: "GL", region: "AME"},
		{code: "AQ", region: "AME"},
		{code: "RE", region: "AFR"},
		{code: "UM", region: "ASP"},
		{code: "AX", region: "ECA", en: "Åland Islands"},
		{code: "TW", region: "ASP", en: "Taiwan"},
		{code: "MK", region: "ECA", en: "North Macedonia"},
		{code: "CI", region: "AFR", ar: "كوت ديفوار", en: "Côte d'Ivoire"},
	}
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		load(t, db)
		for _, tc := range cases {
			c, err := country.Get(ctx, db, tc.code)
			if err != nil {
				t.Errorf("Get(%s): %v", tc.code, err)
				continue
			}
			if c.Region != tc.region {
				t.Errorf("%s: region %s, want %s", tc.code, c.Region, tc.region)
			}
			for _, f := range []struct{ lang, got, want string }{
				{"ar", c.NameAR, tc.ar}, {"en", c.NameEN, tc.en}, {"fr", c.NameFR, tc.fr}, {"es", c.NameES, tc.es},
			} {
				if f.want != "" && f.got != f.want {
					t.Errorf("%s: %s name %q, want %q", tc.code, f.lang, f.got, f.want)
				}
			}
		}
		// Placeholders copied from English would pass a non-empty check;
		// these names are known to differ from the English ones.
		for _, code := range []string{"DE", "EG", "US", "CN"} {
			c, _ := country.Get(ctx, db, code)
			if c.NameFR == c.NameEN {
				t.Errorf("%s: French name equals English %q", code, c.NameEN)
			}
			if code != "CN" && c.NameES == c.NameEN { // "China" is Spanish too
				t.Errorf("%s: Spanish name equals English %q", code, c.NameEN)
			}
		}
	})
}

func TestGetAndRegionOf(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		load(t, db)
		for _, code := range []string{"xx", "XX", "", "EGY", "e"} {
			if _, err := country.Get(ctx, db, code); accord.KindOf(err) != accord.KindNotFound {
				t.Errorf("Get(%q) error = %v, want not found", code, err)
			}
		}
		for _, code := range []string{"eg", "Eg", " EG "} {
			c, err := country.Get(ctx, db, code)
			if err != nil || c.Code != "EG" || c.NameEN != "Egypt" {
				t.Errorf("Get(%q) = %+v, %v; want Egypt", code, c, err)
			}
		}
		if r, err := country.RegionOf(ctx, db, "so"); err != nil || r != "AFR" {
			t.Errorf("RegionOf(so) = %q, %v; want AFR", r, err)
		}
		if _, err := country.RegionOf(ctx, db, "zz"); accord.KindOf(err) != accord.KindNotFound {
			t.Errorf("RegionOf(zz) error = %v, want not found", err)
		}
	})
}

func TestGetBeforeLoadIsNotFound(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		if _, err := country.Get(context.Background(), db, "EG"); accord.KindOf(err) != accord.KindNotFound {
			t.Errorf("Get on empty table error = %v, want not found", err)
		}
	})
}

func TestListSortsByEnglishName(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		load(t, db)
		cs, err := country.List(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		names := make([]string, len(cs))
		for i, c := range cs {
			names[i] = c.NameEN
		}
		// A byte-order sort would put "Åland Islands" last and "Côte
		// d'Ivoire" after "Croatia".
		if got := names[:3]; !slices.Equal(got, []string{"Afghanistan", "Åland Islands", "Albania"}) {
			t.Errorf("first names %v, want Afghanistan, Åland Islands, Albania", got)
		}
		if last := names[len(names)-1]; last != "Zimbabwe" {
			t.Errorf("last name %q, want Zimbabwe", last)
		}
		costa, cote, croatia := slices.Index(names, "Costa Rica"), slices.Index(names, "Côte d'Ivoire"), slices.Index(names, "Croatia")
		if !(costa < cote && cote < croatia) {
			t.Errorf("Costa Rica %d, Côte d'Ivoire %d, Croatia %d: want that order", costa, cote, croatia)
		}
	})
}

func TestRegions(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		load(t, db)
		rs, err := country.Regions(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, r := range rs {
			codes = append(codes, r.Code)
		}
		if !slices.Equal(codes, country.RegionCodes) {
			t.Fatalf("Regions = %v, want %v", codes, country.RegionCodes)
		}
		mena := rs[4]
		want := country.Region{Code: "MENA", Names: country.Names{NameAR: "الشرق الأوسط وشمال أفريقيا", NameEN: "Middle East and North Africa",
			NameFR: "Moyen-Orient et Afrique du Nord", NameES: "Oriente Medio y Norte de África"}}
		if mena != want {
			t.Errorf("MENA = %+v, want %+v", mena, want)
		}
	})
}
