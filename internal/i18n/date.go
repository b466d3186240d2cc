package i18n

import (
	"fmt"
	"time"
)

// monthNames are the months as each language writes them in a date.
// golang.org/x/text formats numbers but not dates, hence this table. Arabic
// uses the names CLDR gives for "ar" (يناير…), read across the Arab world
// and used by the United Nations, rather than the Levantine Syriac names
// (كانون الثاني…).
var monthNames = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	"ar": {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
}

// MonthName is the name of month m in locale.
func MonthName(locale string, m time.Month) string {
	names, ok := monthNames[locale]
	if !ok {
		names = monthNames[Default]
	}
	return names[m-1]
}

// FormatDate writes the calendar day of t (as it is in t's location) in
// locale's long form, day first in every language:
//
//	en 5 March 2026   fr 5 mars 2026 (1er mars 2026)   es 5 de marzo de 2026
//	ar 5 مارس 2026
//
// The day-first English form is the one UN documents use, and it cannot be
// misread by anyone.
func FormatDate(locale string, t time.Time) string {
	day, month, year := t.Day(), MonthName(locale, t.Month()), t.Year()
	switch locale {
	case "fr":
		if day == 1 {
			return fmt.Sprintf("1er %s %d", month, year)
		}
		return fmt.Sprintf("%d %s %d", day, month, year)
	case "es":
		return fmt.Sprintf("%d de %s de %d", day, month, year)
	}
	return fmt.Sprintf("%d %s %d", day, month, year)
}

// FormatDateTime writes the instant t in UTC, with its date in locale's
// long form and a 24-hour time marked UTC. Times stay in UTC because the
// coalition's readers and its deadlines span every time zone, and "UTC"
// is the same word in all four languages.
func FormatDateTime(locale string, t time.Time) string {
	t = t.UTC()
	date, clock := FormatDate(locale, t), t.Format("15:04")
	switch locale {
	case "fr":
		return date + " à " + clock + " UTC"
	case "ar":
		return date + "، " + clock + " UTC"
	}
	return date + ", " + clock + " UTC"
}
