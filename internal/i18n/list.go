package i18n

import "strings"

// JoinList joins items as locale writes a list: with the Arabic comma in
// Arabic, a comma elsewhere.
func JoinList(locale string, items []string) string {
	sep := ", "
	if locale == "ar" {
		sep = "، "
	}
	return strings.Join(items, sep)
}
