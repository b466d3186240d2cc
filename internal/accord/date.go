package accord

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar day without a time of day or zone, such as a
// conference's opening day. It travels as "2006-01-02" in JSON and in both
// databases (PostgreSQL date, SQLite TEXT).
type Date struct{ time.Time }

const dateLayout = "2006-01-02"

// ParseDate reads "2006-01-02".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

// MustDate is ParseDate for literals in seeds and tests.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(dateLayout)
}

// MarshalJSON implements json.Marshaler.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON implements json.Unmarshaler.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("date: want a string YYYY-MM-DD")
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// Value implements driver.Valuer.
func (d Date) Value() (driver.Value, error) { return d.String(), nil }

// Scan implements sql.Scanner.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		*d = Date{time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)}
		return nil
	case string:
		return d.scanString(v)
	case []byte:
		return d.scanString(string(v))
	case nil:
		*d = Date{}
		return nil
	}
	return fmt.Errorf("scan date: unexpected %T", src)
}

func (d *Date) scanString(s string) error {
	if len(s) >= 10 {
		s = s[:10]
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// Start is the first instant of the day in UTC.
func (d Date) Start() time.Time { return d.Time }

// DefaultRetention is how long after a conference ends the personal data
// kept for it (passport numbers, and the visa letters that print them) is
// kept when the configuration does not say: one period for both, since a
// letter must not outlive the number it prints.
const DefaultRetention = 90 * 24 * time.Hour

// RetentionEnded is the latest last day of a conference whose data kept
// for retention after it ended is due for erasure at now: a conference is
// over at the end of its last day (UTC), and the period runs from then.
// Callers compare it with ends_on (ends_on <= it), which compares as
// YYYY-MM-DD on both engines.
func RetentionEnded(now time.Time, retention time.Duration) Date {
	return Date{Time: now.Add(-retention).AddDate(0, 0, -1).Truncate(24 * time.Hour)}
}
