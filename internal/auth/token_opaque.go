package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// newOpaqueToken returns a random token for the client and the hash under
// which it is stored: a copy of the database alone lets no one sign in.
// 32 random bytes need no slow hash; sha256 suffices.
func newOpaqueToken() (raw, hash string) {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand panics instead)
	raw = base64.RawURLEncoding.EncodeToString(b)
	return raw, hashToken(raw)
}

func hashToken(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}
