// Package country holds Accord's reference data at run time: the
// coalition's five regions and every ISO 3166-1 country, each named in
// Arabic, English, French and Spanish and mapped to exactly one region. It
// loads them from the CSV files embedded in seeds/ and answers lookups; the
// region of an organisation, and so which coordinators see its
// applications, follows from its country here.
package country

import "strings"

// RegionCodes are the coalition's regions, in the order lists show them.
var RegionCodes = []string{"AFR", "AME", "ASP", "ECA", "MENA"}

// Names is a country's or a region's name in the four languages, the
// columns name_ar … name_es of its table.
type Names struct {
	NameAR string `gorm:"column:name_ar" json:"name_ar"`
	NameEN string `gorm:"column:name_en" json:"name_en"`
	NameFR string `gorm:"column:name_fr" json:"name_fr"`
	NameES string `gorm:"column:name_es" json:"name_es"`
}

// Name is the name in locale ("ar", "fr-CH", "es_419", …), English when
// the locale is none of the four.
func (n Names) Name(locale string) string {
	lang, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(locale)), "-")
	lang, _, _ = strings.Cut(lang, "_")
	var name string
	switch lang {
	case "ar":
		name = n.NameAR
	case "fr":
		name = n.NameFR
	case "es":
		name = n.NameES
	}
	if name == "" {
		return n.NameEN
	}
	return name
}

// Country is one row of the countries table.
type Country struct {
	Code   string `gorm:"column:code;primaryKey" json:"code"` // ISO 3166-1 alpha-2, upper case
	Region string `gorm:"column:region" json:"region"`
	Names
}

// TableName names the table for GORM.
func (Country) TableName() string { return "countries" }

// Region is one row of the regions table.
type Region struct {
	Code string `gorm:"column:code;primaryKey" json:"code"`
	Names
}

// TableName names the table for GORM.
func (Region) TableName() string { return "regions" }

// Models lists the GORM models of this package, regions before countries
// because countries refer to them.
func Models() []any { return []any{&Region{}, &Country{}} }

// NormalizeCode returns code as it is stored: trimmed and upper case, so
// that "eg" and " EG" find Egypt.
func NormalizeCode(code string) string {
	return strings.ToUpper(strings.TrimSpace(code))
}
