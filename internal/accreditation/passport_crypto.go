package accreditation

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

// deriveKey derives a key of n bytes for one purpose from the server
// secret, so that the passport key, the badge key and the token keys are
// independent although they share one secret.
func deriveKey(secret []byte, info string, n int) ([]byte, error) {
	if len(secret) < 32 {
		return nil, errors.New("accreditation: the secret key must be at least 32 bytes")
	}
	key := make([]byte, n)
	if _, err := io.ReadFull(hkdf.New(sha256.New, secret, nil, []byte(info)), key); err != nil {
		return nil, fmt.Errorf("derive %s key: %w", info, err)
	}
	return key, nil
}

// passportCipher encrypts passport numbers at rest with AES-256-GCM. A
// sealed number is nonce || ciphertext; the delegate's id is the
// additional data, so a ciphertext copied onto another delegate's row
// does not open.
type passportCipher struct {
	aead cipher.AEAD
	// idKey keys the passport number's hash (passport_key.go).
	idKey []byte
}

func newPassportCipher(secret []byte) (*passportCipher, error) {
	key, err := deriveKey(secret, "accord passport", 32)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("passport cipher: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("passport cipher: %w", err)
	}
	idKey, err := deriveKey(secret, "accord passport identity", 32)
	if err != nil {
		return nil, err
	}
	return &passportCipher{aead: aead, idKey: idKey}, nil
}

func (p *passportCipher) seal(delegateID, number string) ([]byte, error) {
	nonce := make([]byte, p.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("passport nonce: %w", err)
	}
	return p.aead.Seal(nonce, nonce, []byte(number), []byte(delegateID)), nil
}

func (p *passportCipher) open(delegateID string, sealed []byte) (string, error) {
	n := p.aead.NonceSize()
	if len(sealed) < n+p.aead.Overhead() {
		return "", errors.New("open passport number: ciphertext too short")
	}
	plain, err := p.aead.Open(nil, sealed[:n], sealed[n:], []byte(delegateID))
	if err != nil {
		return "", fmt.Errorf("open passport number: %w", err)
	}
	return string(plain), nil
}

// passportHint is what is ever shown of a passport number: its last three
// characters.
func passportHint(number string) string {
	r := []rune(number)
	if len(r) <= 3 {
		return string(r)
	}
	return string(r[len(r)-3:])
}
