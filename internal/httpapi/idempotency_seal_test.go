package httpapi

import (
	"encoding/hex"
	"log/slog"
	"strings"
	"testing"
)

// An answer stored before the sealer moved to internal/seal still opens.
func TestIdempotencySealerOpensStoredAnswer(t *testing.T) {
	s := newSealer([]byte(strings.Repeat("k", 32)), slog.Default())
	raw, _ := hex.DecodeString("c5eb2f78f40e6ed4688d7c8d3541173783773534358a9908bf34de9df93d2e6a218facf1c44a06")
	plain, err := s.Open(raw, nil)
	if err != nil || string(plain) != `{"ok":true}` {
		t.Fatalf("open = %q, %v", plain, err)
	}
}
