package store

import (
	"strings"

	"gorm.io/gorm"
)

// likeEscaper makes a user's text match itself in a LIKE pattern on both
// engines: the pattern is written with ESCAPE '\'.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// EscapeLike escapes s for a LIKE pattern written with ESCAPE '\', so that
// a user's "%" or "_" is a character, not a wildcard.
func EscapeLike(s string) string { return likeEscaper.Replace(s) }

// Contains is the LIKE pattern that finds s anywhere in a column.
func Contains(s string) string { return "%" + EscapeLike(s) + "%" }

// WhereEveryTerm narrows q to rows where every term occurs in at least one
// of columns (search keys, or lower-cased text): each word of a search
// must match, in whichever name it is found.
func WhereEveryTerm(q *gorm.DB, terms []string, columns ...string) *gorm.DB {
	for _, t := range terms {
		like := Contains(t)
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
