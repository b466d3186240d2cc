package membership

import (
	"unicode/utf8"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// MaxSearchLen bounds a search's text. A name is at most 300 characters;
// a search is a part of one. The bound also keeps the LIKE pattern far
// below SQLite's own limit (50,000 bytes), which otherwise fails the query.
const MaxSearchLen = 200

// nameCursor reads the cursor of a list ordered by name and checks the
// search text: what the organisation lists ask first of a page.
func nameCursor(cursor, q string) (store.Cursor, bool, error) {
	cur, ok, err := store.DecodeCursor(cursor)
	if err != nil {
		return store.Cursor{}, false, err
	}
	return cur, ok, checkSearch(q)
}

// checkSearch refuses a search text too long to be a name, or not text.
// The text is escaped for LIKE where it is used (escapeLike).
func checkSearch(q string) error {
	if utf8.RuneCountInString(q) > MaxSearchLen || !utf8.ValidString(q) {
		return &accord.Error{Kind: accord.KindBadRequest, Message: "the search is too long or not text",
			Fields: []accord.FieldError{{Field: "q", Message: "at most 200 characters"}}}
	}
	return nil
}
