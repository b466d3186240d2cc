package report

import (
	"github.com/accord-coalition/accord/internal/export"
	"github.com/accord-coalition/accord/internal/i18n"
)

// col builds a column with its header in every language, from the
// catalogs' export.column.<key>.
func col(key string, width float64, rtl bool) export.Column {
	header := map[string]string{}
	for _, l := range i18n.Locales {
		header[l] = i18n.Builtin().T(l, "export.column."+key, nil)
	}
	return export.Column{Key: key, Width: width, RTL: rtl, Header: header}
}

// columns are every column any list has, by key. A list picks its own;
// the same column reads the same in every list.
var columns = map[string]export.Column{
	"name":                 col("name", 34, true),
	"name_en":              col("name_en", 34, false),
	"acronym":              col("acronym", 10, false),
	"country_code":         col("country_code", 8, false),
	"country":              col("country", 18, false),
	"region":               col("region", 8, false),
	"city":                 col("city", 14, false),
	"website":              col("website", 26, false),
	"email":                col("email", 26, false),
	"phone":                col("phone", 16, false),
	"ecosoc":               col("ecosoc", 10, false),
	"accredited_on":        col("accredited_on", 13, false),
	"decision_reference":   col("decision_reference", 14, false),
	"list":                 col("list", 6, false),
	"list_number":          col("list_number", 9, false),
	"year_founded":         col("year_founded", 10, false),
	"state":                col("state", 12, false),
	"objection_deadline":   col("objection_deadline", 12, false),
	"family_name":          col("family_name", 18, false),
	"given_name":           col("given_name", 18, false),
	"family_name_original": col("family_name_original", 18, true),
	"given_name_original":  col("given_name_original", 18, true),
	"title":                col("title", 8, false),
	"role":                 col("role", 18, false),
	"organization":         col("organization", 30, true),
	"organization_en":      col("organization_en", 30, false),
	"nationality_code":     col("nationality_code", 8, false),
	"nationality":          col("nationality", 19, false),
	"member_since":         col("member_since", 12, false),
	"renewal_due":          col("renewal_due", 12, false),
	"delegate_id":          col("delegate_id", 38, false),
	"conference":           col("conference", 10, false),
	"badge_url":            col("badge_url", 60, false),
}
