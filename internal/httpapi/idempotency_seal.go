package httpapi

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
)

// sealer encrypts stored answers: a replayed login or refresh answer holds
// tokens, which must not lie readable in the database.
type sealer struct{ aead cipher.AEAD }

func newSealer(secret []byte, log *slog.Logger) *sealer {
	key := sha256.Sum256(append([]byte("accord idempotency v1\x00"), secret...))
	if len(secret) == 0 {
		// Without a configured secret (some tests) the answers can be
		// replayed only by this process.
		log.Warn("no secret key: idempotent answers are sealed with a key of this process only")
		rand.Read(key[:])
	}
	block, err := aes.NewCipher(key[:])
	if err != nil {
		panic(fmt.Sprintf("idempotency cipher: %v", err)) // a 32-byte key cannot fail
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		panic(fmt.Sprintf("idempotency cipher: %v", err))
	}
	return &sealer{aead: aead}
}

func (s *sealer) seal(plain []byte) ([]byte, error) {
	nonce := make([]byte, s.aead.NonceSize(), s.aead.NonceSize()+len(plain)+s.aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	return s.aead.Seal(nonce, nonce, plain, nil), nil
}

func (s *sealer) open(sealed []byte) ([]byte, error) {
	n := s.aead.NonceSize()
	if len(sealed) < n {
		return nil, errors.New("open: too short")
	}
	plain, err := s.aead.Open(nil, sealed[:n], sealed[n:], nil)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	return plain, nil
}
