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

// Country is one row of the countries table.
type Country struct {
	Code   string `gorm:"column:code;primaryKey" json:"code"` // ISO 3166-1 alpha-2, upper case
	Region string `gorm:"column:region" json:"region"`
	NameAR string `gorm:"column:name_ar" json:"name_ar"`
	NameEN string `gorm:"column:name_en" json:"name_en"`
	NameFR string `gorm:"column:name_fr" json:"name_fr"`
	NameES string `gorm:"column:name_es" json:"name_es"`
}

// TableName names the table for GORM.
func (Country) TableName() string { return "countries" }

// Name is the country's name in locale ("ar", "fr-CH", "es_419", …),
// English when the locale is none of the four.
func (c Country) Name(locale string) string {
	return localized(locale, c.NameAR, c.NameEN, c.NameFR, c.NameES)
}

// Region is one row of the regions table.
type Region struct {
	Code   string `gorm:"column:code;primaryKey" json:"code"`
	NameAR string `gorm:"column:name_ar" json:"name_ar"`
	NameEN string `gorm:"column:name_en" json:"name_en"`
	NameFR string `gorm:"column:name_fr" json:"name_fr"`
	NameES string `gorm:"column:name_es" json:"name_es"`
}

// TableName names the table for GORM.
func (Region) TableName() string { return "regions" }

// Name is the region's name in locale, English when the locale is none of
// the four.
func (r Region) Name(locale string) string {
	return localized(locale, r.NameAR, r.NameEN, r.NameFR, r.NameES)
}

// Models lists the GORM models of this package, regions before countries
// because countries refer to them.
func Models() []any { return []any{&Region{}, &Country{}} }

// NormalizeCode returns code as it is stored: trimmed and upper case, so
// that "eg" and " EG" find Egypt.
func NormalizeCode(code string) string {
	return strings.ToUpper(strings.TrimSpace(code))
}

// localized picks the name for the locale's language subtag.
func localized(locale, ar, en, fr, es string) string {
	lang, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(locale)), "-")
	lang, _, _ = strings.Cut(lang, "_")
	var name string
	switch lang {
	case "ar":
		name = ar
	case "fr":
		name = fr
	case "es":
		name = es
	}
	if name == "" {
		return en
	}
	return name
}
