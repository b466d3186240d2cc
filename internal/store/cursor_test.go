package store_test

import (
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

func TestTimeCursorRoundTrip(t *testing.T) {
	at := time.Date(2026, 11, 23, 9, 30, 0, 123456000, time.FixedZone("EET", 2*3600))
	id := "0d7c2a8e-0000-4000-8000-000000000001"
	got, gotID, ok, err := store.DecodeTimeCursor(store.TimeCursor(at, id))
	if err != nil || !ok || !got.Equal(at) || gotID != id {
		t.Fatalf("round trip gave %v %q %v %v", got, gotID, ok, err)
	}
	if _, _, ok, err := store.DecodeTimeCursor(""); ok || err != nil {
		t.Errorf("empty cursor: ok %v, err %v; want the first page", ok, err)
	}
	for _, bad := range []string{
		"not base64!",
		store.Cursor{Key: "yesterday", ID: id}.Encode(),
		store.Cursor{Key: at.Format(time.RFC3339Nano), ID: "1; DROP TABLE users"}.Encode(),
	} {
		if _, _, _, err := store.DecodeTimeCursor(bad); accord.KindOf(err) != accord.KindBadRequest {
			t.Errorf("cursor %q: err %v, want a 400", bad, err)
		}
	}
}

func TestTrimPage(t *testing.T) {
	key := func(n int) string { return string(rune('a' + n)) }
	rows, next := store.TrimPage([]int{0, 1, 2}, 2, key)
	if len(rows) != 2 || next != "b" {
		t.Errorf("3 rows read for a page of 2: %v, next %q; want [0 1] and the cursor after 1", rows, next)
	}
	rows, next = store.TrimPage([]int{0, 1}, 2, key)
	if len(rows) != 2 || next != "" {
		t.Errorf("a last page: %v, next %q; want both rows and no cursor", rows, next)
	}
}
