package report

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

// letterSealer encrypts stored visa letters with AES-256-GCM under a key
// derived from the server secret for this purpose alone. A letter prints
// a passport number in clear, which Accord otherwise keeps only
// encrypted; a sealed letter is nonce || ciphertext, with the letter's id
// as additional data, so that bytes copied onto another row do not open.
type letterSealer struct{ aead cipher.AEAD }

func newLetterSealer(secret []byte) (*letterSealer, error) {
	if len(secret) < 32 {
		return nil, errors.New("report: the secret key must be at least 32 bytes")
	}
	key := make([]byte, 32)
	if _, err := io.ReadFull(hkdf.New(sha256.New, secret, nil, []byte("accord visa letter")), key); err != nil {
		return nil, fmt.Errorf("derive visa letter key: %w", err)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("visa letter cipher: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("visa letter cipher: %w", err)
	}
	return &letterSealer{aead: aead}, nil
}

func (l *letterSealer) seal(letterID string, pdf []byte) ([]byte, error) {
	nonce := make([]byte, l.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("visa letter nonce: %w", err)
	}
	return l.aead.Seal(nonce, nonce, pdf, []byte(letterID)), nil
}

func (l *letterSealer) open(letterID string, sealed []byte) ([]byte, error) {
	n := l.aead.NonceSize()
	if len(sealed) < n+l.aead.Overhead() {
		return nil, errors.New("open visa letter: ciphertext too short")
	}
	pdf, err := l.aead.Open(nil, sealed[:n], sealed[n:], []byte(letterID))
	if err != nil {
		return nil, fmt.Errorf("open visa letter: %w", err)
	}
	return pdf, nil
}
