// Package seal keeps what Accord stores encrypted at rest (passport
// numbers, visa letters, webhook secrets, replayed answers): AES-256-GCM
// under a key derived from the server secret for one purpose alone, so
// that the keys are independent although they share one secret.
//
// A sealed value is nonce || ciphertext. The caller's additional data (the
// row's id) binds it to its row: bytes copied onto another row do not open.
package seal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"

	"golang.org/x/crypto/hkdf"
)

// MinSecret is the shortest server secret keys are derived from.
const MinSecret = 32

// Key derives a key of n bytes for one purpose from the server secret:
// HKDF-SHA256, no salt, the purpose as the info string.
func Key(secret []byte, purpose string, n int) ([]byte, error) {
	if len(secret) < MinSecret {
		return nil, fmt.Errorf("%s: the secret key must be at least %d bytes", purpose, MinSecret)
	}
	key := make([]byte, n)
	if _, err := io.ReadFull(hkdf.New(sha256.New, secret, nil, []byte(purpose)), key); err != nil {
		return nil, fmt.Errorf("derive %s key: %w", purpose, err)
	}
	return key, nil
}

// Sealer seals and opens the values of one purpose.
type Sealer struct {
	aead    cipher.AEAD
	purpose string
}

// New returns the sealer of one purpose, its 32-byte key derived from the
// server secret by Key.
func New(secret []byte, purpose string) (*Sealer, error) {
	key, err := Key(secret, purpose, 32)
	if err != nil {
		return nil, err
	}
	return WithKey(key, purpose)
}

// WithKey returns a sealer under a key the caller derived itself, for data
// sealed before the derivation was shared. The key must be 32 bytes.
func WithKey(key []byte, purpose string) (*Sealer, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("%s cipher: %w", purpose, err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("%s cipher: %w", purpose, err)
	}
	return &Sealer{aead: aead, purpose: purpose}, nil
}

// Seal encrypts plain under a fresh random nonce, bound to additional.
func (s *Sealer) Seal(plain, additional []byte) ([]byte, error) {
	n := s.aead.NonceSize()
	nonce := make([]byte, n, n+len(plain)+s.aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("%s nonce: %w", s.purpose, err)
	}
	return s.aead.Seal(nonce, nonce, plain, additional), nil
}

// Open decrypts what Seal returned for the same additional data.
func (s *Sealer) Open(sealed, additional []byte) ([]byte, error) {
	n := s.aead.NonceSize()
	if len(sealed) < n+s.aead.Overhead() {
		return nil, errors.New("open " + s.purpose + ": ciphertext too short")
	}
	plain, err := s.aead.Open(nil, sealed[:n], sealed[n:], additional)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", s.purpose, err)
	}
	return plain, nil
}
