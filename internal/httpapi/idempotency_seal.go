package httpapi

import (
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"log/slog"

	"github.com/accord-coalition/accord/internal/seal"
)

// newSealer returns what seals stored answers: a replayed login or refresh
// answer holds tokens, which must not lie readable in the database. Its
// key predates seal.Key and stays as it was, so stored answers still open.
func newSealer(secret []byte, log *slog.Logger) *seal.Sealer {
	key := sha256.Sum256(append([]byte("accord idempotency v1\x00"), secret...))
	if len(secret) == 0 {
		// Without a configured secret (some tests) the answers can be
		// replayed only by this process.
		log.Warn("no secret key: idempotent answers are sealed with a key of this process only")
		rand.Read(key[:])
	}
	s, err := seal.WithKey(key[:], "idempotent answer")
	if err != nil {
		panic(fmt.Sprintf("idempotency cipher: %v", err)) // a 32-byte key cannot fail
	}
	return s
}
