package store

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/accord"
)

// Page limits for list endpoints (docs/api.md, Conventions).
const (
	DefaultLimit = 50
	MaxLimit     = 200
)

// Limit clamps a requested page size.
func Limit(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}

// Cursor is a keyset position: the sort key and id of the last row of the
// previous page. Keyset paging stays correct when rows are added meanwhile
// and costs the same on page 1 and page 1000.
type Cursor struct {
	Key string `json:"k"`
	ID  string `json:"i"`
}

// maxCursorLen bounds what DecodeCursor reads: the longest sort key is a
// normalised organisation name, well under a kilobyte.
const maxCursorLen = 2048

// Encode returns the opaque form handed to clients: the position and a MAC
// over it (see cursor_key.go), so that the database only ever meets
// positions this server wrote.
func (c Cursor) Encode() string {
	b, _ := json.Marshal(c)
	payload := base64.RawURLEncoding.EncodeToString(b)
	return payload + "." + cursorMAC(payload)
}

// DecodeCursor reads a cursor from a client; an empty string is the first
// page; a malformed or forged one is a 400.
func DecodeCursor(s string) (Cursor, bool, error) {
	if s == "" {
		return Cursor{}, false, nil
	}
	payload, mac, found := strings.Cut(s, ".")
	if !found || len(s) > maxCursorLen || !hmac.Equal([]byte(mac), []byte(cursorMAC(payload))) {
		return Cursor{}, false, badCursor()
	}
	b, err := base64.RawURLEncoding.DecodeString(payload)
	var c Cursor
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	// Even a signed cursor is checked: the id is always a UUID and the key
	// text the database can hold.
	if err != nil || uuid.Validate(c.ID) != nil || !utf8.ValidString(c.Key) || strings.ContainsRune(c.Key, 0) {
		return Cursor{}, false, badCursor()
	}
	return c, true, nil
}

// cursorMAC is the base64url HMAC-SHA256 of payload, cut to 16 bytes.
func cursorMAC(payload string) string {
	m := hmac.New(sha256.New, cursorKey())
	m.Write([]byte(payload))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:16])
}

func badCursor() error {
	return &accord.Error{Kind: accord.KindBadRequest, Message: "cursor is not one this server issued",
		Fields: []accord.FieldError{{Field: "cursor", Message: "invalid cursor"}}}
}

// TimeCursor is the cursor after a row of a list ordered by an instant
// and then by id, the order of every queue and timeline.
func TimeCursor(at time.Time, id string) string {
	return Cursor{Key: at.UTC().Format(time.RFC3339Nano), ID: id}.Encode()
}

// DecodeTimeCursor reads a TimeCursor; ok is false for the first page.
func DecodeTimeCursor(s string) (at time.Time, id string, ok bool, err error) {
	c, ok, err := DecodeCursor(s)
	if err != nil || !ok {
		return time.Time{}, "", false, err
	}
	at, err = time.Parse(time.RFC3339Nano, c.Key)
	if err != nil || uuid.Validate(c.ID) != nil {
		return time.Time{}, "", false, badCursor()
	}
	return at, c.ID, true, nil
}

// TrimPage cuts rows, read with a limit of limit+1, to one page, and
// returns the cursor after its last row when another page follows.
func TrimPage[T any](rows []T, limit int, cursorOf func(last T) string) ([]T, string) {
	if len(rows) <= limit {
		return rows, ""
	}
	rows = rows[:limit]
	return rows, cursorOf(rows[limit-1])
}
