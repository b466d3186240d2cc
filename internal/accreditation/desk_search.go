package accreditation

import (
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/namekey"
)

// arabicArticles are the definite article and the prepositions written
// onto it ("للنزاهة" is "ل" + "النزاهة"), longest first. A search for
// "النزاهة" must find "للنزاهة", so each searched word is matched without
// them.
var arabicArticles = []string{"وال", "بال", "فال", "كال", "لل", "ال"}

// searchTerms splits q into folded words (internal/namekey), each without
// an Arabic article when enough of the word remains to stay selective.
// Every term must occur in the name's key.
func searchTerms(q string) []string {
	var out []string
	for _, w := range strings.Fields(namekey.Of(q)) {
		for _, a := range arabicArticles {
			if rest, ok := strings.CutPrefix(w, a); ok && utf8.RuneCountInString(rest) >= 3 {
				w = rest
				break
			}
		}
		out = append(out, w)
	}
	return out
}

// whereTerms narrows q to rows where every term occurs in one of the
// columns (search keys, or lower-cased text).
func whereTerms(q *gorm.DB, terms []string, columns ...string) *gorm.DB {
	for _, t := range terms {
		like := "%" + escapeLike(t) + "%"
		parts := make([]string, len(columns))
		args := make([]any, len(columns))
		for i, c := range columns {
			parts[i] = c + ` LIKE ? ESCAPE '\'`
			args[i] = like
		}
		q = q.Where("("+strings.Join(parts, " OR ")+")", args...)
	}
	return q
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// delegateNameKey is the search key of a delegate's names in both scripts.
func delegateNameKey(d *Delegate) string {
	return namekey.Of(strings.Join([]string{d.GivenName, d.FamilyName, d.GivenNameOriginal, d.FamilyNameOriginal}, " "))
}

// BeforeSave keeps the names' search key with the names, whichever path
// writes a delegate.
func (d *Delegate) BeforeSave(*gorm.DB) error {
	d.NameKey = delegateNameKey(d)
	return nil
}
