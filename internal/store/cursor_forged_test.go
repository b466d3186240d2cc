package store_test

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// TestForgedCursorsAreRefused: a cursor is a 400 unless this server wrote
// it, whatever the client put in it.
func TestForgedCursorsAreRefused(t *testing.T) {
	id := "0d7c2a8e-0000-4000-8000-000000000001"
	good := store.Cursor{Key: "alpha", ID: id}.Encode()
	if c, ok, err := store.DecodeCursor(good); err != nil || !ok || c.Key != "alpha" || c.ID != id {
		t.Fatalf("own cursor: %+v %v %v", c, ok, err)
	}
	payload, mac, _ := strings.Cut(good, ".")
	forged := base64.RawURLEncoding.EncodeToString([]byte(`{"k":"x","i":"x"}`))
	for name, bad := range map[string]string{
		"unsigned, as the old form": forged,
		"someone else's mac":        forged + "." + mac,
		"mac cut":                   payload + "." + mac[:len(mac)-1],
		"payload changed":           base64.RawURLEncoding.EncodeToString([]byte(`{"k":"alphb","i":"`+id+`"}`)) + "." + mac,
		"nul":                       "\x00",
		"invalid utf-8":             "\xff." + mac,
		"huge":                      strings.Repeat("a", 100000) + "." + mac,
	} {
		if _, _, err := store.DecodeCursor(bad); accord.KindOf(err) != accord.KindBadRequest {
			t.Errorf("%s: err %v, want a 400", name, err)
		}
	}
}

// TestCursorKeyFromSecret: the key derived from the server secret signs,
// so cursors hold across a restart with the same secret.
func TestCursorKeyFromSecret(t *testing.T) {
	if err := store.UseCursorSecret([]byte("a-test-secret-key-that-is-long-enough-0123456789")); err != nil {
		t.Fatal(err)
	}
	c := store.Cursor{Key: "k", ID: "0d7c2a8e-0000-4000-8000-000000000001"}.Encode()
	if _, ok, err := store.DecodeCursor(c); !ok || err != nil {
		t.Fatalf("cursor after the secret was set: %v %v", ok, err)
	}
}
