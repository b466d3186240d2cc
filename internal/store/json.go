package store

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
)

// StringList is a list of strings kept as a JSON array: jsonb on
// PostgreSQL, TEXT on SQLite.
type StringList []string

// Value implements driver.Valuer.
func (l StringList) Value() (driver.Value, error) {
	if l == nil {
		l = StringList{}
	}
	return JSONValue(l)
}

// Scan implements sql.Scanner.
func (l *StringList) Scan(src any) error { return ScanJSON(src, l) }

// JSONValue encodes v for a JSON column on either engine.
func JSONValue(v any) (driver.Value, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode json column: %w", err)
	}
	return string(b), nil
}

// ScanJSON decodes a JSON column, which arrives as text or bytes depending
// on the engine.
func ScanJSON(src any, dst any) error {
	var b []byte
	switch v := src.(type) {
	case nil:
		return nil
	case []byte:
		b = v
	case string:
		b = []byte(v)
	default:
		return fmt.Errorf("scan json column: unexpected %T", src)
	}
	if err := json.Unmarshal(b, dst); err != nil {
		return fmt.Errorf("scan json column: %w", err)
	}
	return nil
}
