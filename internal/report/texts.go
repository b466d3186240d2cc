package report

import "strings"

// phrases are the few sentences of the PDF documents, in the four
// languages. Placeholders are {name}.
var phrases = map[string]map[string]string{
	"exported_on": {
		"ar": "صدرت في {date}", "en": "Exported on {date}",
		"fr": "Exporté le {date}", "es": "Exportado el {date}",
	},
	"filters": {
		"ar": "عوامل التصفية: {filters}", "en": "Filters: {filters}",
		"fr": "Filtres : {filters}", "es": "Filtros: {filters}",
	},
	"conference_line": {
		"ar": "{title} ({code})، {venue}، من {start} إلى {end}", "en": "{title} ({code}), {venue}, {start} to {end}",
		"fr": "{title} ({code}), {venue}, du {start} au {end}", "es": "{title} ({code}), {venue}, del {start} al {end}",
	},
}

// phrase is a phrase in locale with its placeholders filled, alternating
// names and values.
func phrase(key, locale string, args ...string) string {
	s := phrases[key][locale]
	if s == "" {
		s = phrases[key]["en"]
	}
	for i := 0; i+1 < len(args); i += 2 {
		s = strings.ReplaceAll(s, "{"+args[i]+"}", args[i+1])
	}
	return s
}

// listSeparator joins items as the language does: the Arabic comma in
// Arabic.
func listSeparator(locale string) string {
	if locale == "ar" {
		return "، "
	}
	return ", "
}
