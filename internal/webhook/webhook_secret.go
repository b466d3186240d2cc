package webhook

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

// secretCipher seals subscription secrets at rest with AES-256-GCM under a
// key derived from the server secret for this purpose alone. The
// webhook's id is the additional data, so a sealed secret copied onto
// another subscription does not open.
type secretCipher struct{ aead cipher.AEAD }

func newSecretCipher(serverSecret []byte) (*secretCipher, error) {
	if len(serverSecret) < 32 {
		return nil, errors.New("webhook: the server secret key must be at least 32 bytes")
	}
	key := make([]byte, 32)
	if _, err := io.ReadFull(hkdf.New(sha256.New, serverSecret, nil, []byte("accord webhook secret")), key); err != nil {
		return nil, fmt.Errorf("derive webhook secret key: %w", err)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("webhook secret cipher: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("webhook secret cipher: %w", err)
	}
	return &secretCipher{aead: aead}, nil
}

func (c *secretCipher) seal(webhookID, secret string) ([]byte, error) {
	nonce := make([]byte, c.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("webhook secret nonce: %w", err)
	}
	return c.aead.Seal(nonce, nonce, []byte(secret), []byte(webhookID)), nil
}

func (c *secretCipher) open(webhookID string, sealed []byte) ([]byte, error) {
	n := c.aead.NonceSize()
	if len(sealed) < n+c.aead.Overhead() {
		return nil, errors.New("open webhook secret: ciphertext too short")
	}
	plain, err := c.aead.Open(nil, sealed[:n], sealed[n:], []byte(webhookID))
	if err != nil {
		return nil, fmt.Errorf("open webhook secret: %w", err)
	}
	return plain, nil
}
