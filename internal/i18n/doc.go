// Package i18n speaks Accord's four languages — Arabic, English, French and
// Spanish — to people reading web pages, exported lists, letters and
// notification messages: message catalogs loaded from
// web/i18n/<locale>.json, the one place every translated text lives; CLDR
// plural rules (Arabic's six forms included); numbers and dates written
// the way each language writes them; the choice of a visitor's language,
// and the writing direction that follows from it.
//
// A catalog is a flat JSON object from keys to strings. Strings name their
// variable parts as {placeholders}; a plural entry is an object keyed by CLDR
// plural category (zero, one, two, few, many, other) whose forms may use the
// {count} placeholder. Catalogs hold plain text, never markup: templates
// escape everything they print. Keys are grouped by where they are read:
// export.* and visa_letter.* by the report package, message.* by notify,
// the rest by the web pages.
//
// The package knows nothing of HTTP; handlers hand it the strings a request
// carries (a query parameter, a cookie, Accept-Language).
package i18n
