package report

import "github.com/accord-coalition/accord/internal/i18n"

// phrase is the catalogs' export.<key> in locale with its placeholders
// filled, alternating names and values: the few sentences of the PDF
// documents.
func phrase(key, locale string, args ...string) string {
	return text("export."+key, locale, args...)
}

// text is a catalog entry in locale with its placeholders filled,
// alternating names and values.
func text(key, locale string, args ...string) string {
	a := make(i18n.Args, len(args)/2)
	for i := 0; i+1 < len(args); i += 2 {
		a[args[i]] = args[i+1]
	}
	return i18n.Builtin().T(locale, key, a)
}
