package country

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/seeds"
)

var (
	regionHeader  = []string{"code", "name_ar", "name_en", "name_fr", "name_es"}
	countryHeader = []string{"code", "region", "name_ar", "name_en", "name_fr", "name_es"}
)

// Load upserts the embedded regions and countries in one transaction and
// returns how many of each the seed files hold. It is safe to run on every
// start: rows already there get the seed's names, and nothing is deleted,
// because organisations may still refer to a country that a later seed
// drops.
func Load(ctx context.Context, db *store.DB) (regions, countries int, err error) {
	return load(ctx, db, seeds.FS)
}

func load(ctx context.Context, db *store.DB, fsys fs.FS) (int, int, error) {
	rs, err := readRegions(fsys)
	if err != nil {
		return 0, 0, err
	}
	cs, err := readCountries(fsys, rs)
	if err != nil {
		return 0, 0, err
	}
	err = db.Transaction(ctx, func(tx *gorm.DB) error {
		// Regions first: countries refer to them.
		if err := upsert(tx, &rs); err != nil {
			return fmt.Errorf("upsert regions: %w", err)
		}
		if err := upsert(tx, &cs); err != nil {
			return fmt.Errorf("upsert countries: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("load reference data: %w", err)
	}
	return len(rs), len(cs), nil
}

// upsert inserts rows, or updates every column but the code of rows whose
// code exists. ON CONFLICT … DO UPDATE means the same on both engines.
func upsert[T any](tx *gorm.DB, rows *[]T) error {
	return tx.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "code"}},
		UpdateAll: true,
	}).CreateInBatches(rows, 100).Error
}

func readRegions(fsys fs.FS) ([]Region, error) {
	records, err := readCSV(fsys, seeds.RegionsFile, regionHeader)
	if err != nil {
		return nil, err
	}
	var rs []Region
	var codes []string
	for i, rec := range records {
		r := Region{Code: NormalizeCode(rec[0]), Names: Names{NameAR: rec[1], NameEN: rec[2], NameFR: rec[3], NameES: rec[4]}}
		if err := checkNames(r.NameAR, r.NameEN, r.NameFR, r.NameES); err != nil {
			return nil, fmt.Errorf("%s line %d (%s): %w", seeds.RegionsFile, i+2, r.Code, err)
		}
		rs = append(rs, r)
		codes = append(codes, r.Code)
	}
	// The code relies on RegionCodes (coordinator assignment, filters), so
	// the seed and the code must name the same regions.
	if !slices.Equal(codes, RegionCodes) {
		return nil, fmt.Errorf("%s holds regions %v, want %v", seeds.RegionsFile, codes, RegionCodes)
	}
	return rs, nil
}

func readCountries(fsys fs.FS, regions []Region) ([]Country, error) {
	records, err := readCSV(fsys, seeds.CountriesFile, countryHeader)
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, r := range regions {
		known[r.Code] = true
	}
	seen := map[string]bool{}
	var cs []Country
	for i, rec := range records {
		c := Country{Code: NormalizeCode(rec[0]), Region: NormalizeCode(rec[1]),
			Names: Names{NameAR: rec[2], NameEN: rec[3], NameFR: rec[4], NameES: rec[5]}}
		where := fmt.Sprintf("%s line %d (%s)", seeds.CountriesFile, i+2, c.Code)
		switch {
		case !isAlpha2(c.Code):
			return nil, fmt.Errorf("%s: code is not two letters", where)
		case seen[c.Code]:
			return nil, fmt.Errorf("%s: duplicate code", where)
		case !known[c.Region]:
			return nil, fmt.Errorf("%s: unknown region %q", where, c.Region)
		}
		if err := checkNames(c.NameAR, c.NameEN, c.NameFR, c.NameES); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		seen[c.Code] = true
		cs = append(cs, c)
	}
	return cs, nil
}

// readCSV returns the records of name after checking its header.
func readCSV(fsys fs.FS, name string, header []string) ([][]string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = len(header)
	got, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s is empty", name)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if !slices.Equal(got, header) {
		return nil, fmt.Errorf("%s header is %v, want %v", name, got, header)
	}
	records, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return records, nil
}

func checkNames(ar, en, fr, es string) error {
	for _, n := range []struct{ lang, name string }{{"ar", ar}, {"en", en}, {"fr", fr}, {"es", es}} {
		if n.name == "" {
			return fmt.Errorf("no %s name", n.lang)
		}
	}
	return nil
}

func isAlpha2(code string) bool {
	return len(code) == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z'
}
