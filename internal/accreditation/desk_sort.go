package accreditation

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// The orders of the desk's lists (docs/api.md, The secretariat's desk).
const (
	SortName   = "name"   // by name, A to Z
	SortNewest = "newest" // most recently created first
	SortOldest = "oldest" // first created first
)

// deskSort is one list's order over its columns: the name's sort key, the
// creation instant and the id that breaks ties, so that pages are keyed
// and never overlap.
type deskSort struct {
	order               string
	name, created, id   string // SQL expressions
	cursorKey, cursorID string
	hasCursor           bool
	cursorAt            time.Time
}

// newDeskSort reads the order asked for (def when empty) and the cursor of
// the previous page, refusing unknown orders and foreign cursors with 400.
func newDeskSort(order, def, cursor, name, created, id string) (*deskSort, error) {
	if order == "" {
		order = def
	}
	s := &deskSort{order: order, name: name, created: created, id: id}
	switch order {
	case SortName:
		c, ok, err := store.DecodeCursor(cursor)
		if err != nil {
			return nil, err
		}
		if ok && uuid.Validate(c.ID) != nil {
			return nil, badDeskCursor()
		}
		s.hasCursor, s.cursorKey, s.cursorID = ok, c.Key, c.ID
	case SortNewest, SortOldest:
		at, atID, ok, err := store.DecodeTimeCursor(cursor)
		if err != nil {
			return nil, err
		}
		s.hasCursor, s.cursorAt, s.cursorID = ok, at, atID
	default:
		return nil, &accord.Error{Kind: accord.KindBadRequest, Message: "sort is name, newest or oldest",
			Fields: []accord.FieldError{{Field: "sort", Message: "must be name, newest or oldest"}}}
	}
	return s, nil
}

func badDeskCursor() error {
	return &accord.Error{Kind: accord.KindBadRequest, Message: "cursor is not one this server issued",
		Fields: []accord.FieldError{{Field: "cursor", Message: "invalid cursor"}}}
}

// apply orders q and starts it after the cursor.
func (s *deskSort) apply(q *gorm.DB) *gorm.DB {
	switch s.order {
	case SortName:
		if s.hasCursor {
			q = q.Where("("+s.name+" > ? OR ("+s.name+" = ? AND "+s.id+" > ?))", s.cursorKey, s.cursorKey, s.cursorID)
		}
		return q.Order(s.name + ", " + s.id)
	case SortOldest:
		if s.hasCursor {
			q = q.Where("("+s.created+" > ? OR ("+s.created+" = ? AND "+s.id+" > ?))", s.cursorAt, s.cursorAt, s.cursorID)
		}
		return q.Order(s.created + ", " + s.id)
	default:
		if s.hasCursor {
			q = q.Where("("+s.created+" < ? OR ("+s.created+" = ? AND "+s.id+" < ?))", s.cursorAt, s.cursorAt, s.cursorID)
		}
		return q.Order(s.created + " DESC, " + s.id + " DESC")
	}
}

// cursor is the cursor after a row with these keys.
func (s *deskSort) cursor(name string, created time.Time, id string) string {
	if s.order == SortName {
		return store.Cursor{Key: name, ID: id}.Encode()
	}
	return store.TimeCursor(created, id)
}

// deskQuery is one desk list: its rows of type R, the filters of base
// (every one but the state), the state column, the columns read and a
// row's sort keys.
type deskQuery[R any] struct {
	sorter          *deskSort
	stateCol, state string
	limit           int
	what, columns   string
	base            func(tx *gorm.DB) *gorm.DB
	key             func(R) (name string, created time.Time, id string)
}

// deskPage reads one page of a desk list for the secretariat, in one
// transaction: first the count of its rows in each state, for the tabs,
// then the rows in the state asked for, after the cursor, one more than
// the limit to learn whether a page follows.
func deskPage[R any](ctx context.Context, s *Service, actor accord.Actor, conferenceID string, q deskQuery[R]) ([]R, string, DeskCounts, error) {
	limit := store.Limit(q.limit)
	counts := DeskCounts{}
	var rows []R
	next := ""
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if _, err := s.checkDesk(ctx, tx, actor, conferenceID); err != nil {
			return err
		}
		tx = tx.WithContext(ctx)
		var groups []struct {
			State string
			N     int64
		}
		if err := q.base(tx).Select(q.stateCol + " AS state, count(*) AS n").Group(q.stateCol).Scan(&groups).Error; err != nil {
			return fmt.Errorf("count %s: %w", q.what, err)
		}
		for _, g := range groups {
			counts[g.State] = g.N
		}
		page := q.base(tx)
		if st := normalizedState(q.state); st != "" {
			page = page.Where(q.stateCol+" = ?", st)
		}
		if err := q.sorter.apply(page).Select(q.columns).Limit(limit + 1).Scan(&rows).Error; err != nil {
			return fmt.Errorf("list conference %s: %w", q.what, err)
		}
		rows, next = store.TrimPage(rows, limit, func(last R) string { return q.sorter.cursor(q.key(last)) })
		return nil
	})
	if err != nil {
		return nil, "", nil, wrap("list conference "+q.what, err)
	}
	return rows, next, counts, nil
}
