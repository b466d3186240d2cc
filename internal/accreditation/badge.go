package accreditation

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"rsc.io/qr"
)

// badgeClaims is what a badge token vouches for: one delegate, at one
// conference, until an instant.
type badgeClaims struct {
	Delegate   string `json:"d"`
	Conference string `json:"c"`
	Expires    int64  `json:"x"` // Unix seconds
}

// badgeSigner signs and checks badge tokens with an Ed25519 key derived
// from the server secret. A token is base64url(payload) "." base64url(sig):
// short enough for a QR code a phone camera reads at the door, and
// checkable by anyone holding the public key.
type badgeSigner struct {
	private ed25519.PrivateKey
	public  ed25519.PublicKey
}

func newBadgeSigner(secret []byte) (*badgeSigner, error) {
	seed, err := deriveKey(secret, "accord badge", ed25519.SeedSize)
	if err != nil {
		return nil, err
	}
	priv := ed25519.NewKeyFromSeed(seed)
	return &badgeSigner{private: priv, public: priv.Public().(ed25519.PublicKey)}, nil
}

var b64 = base64.RawURLEncoding

func (b *badgeSigner) sign(c badgeClaims) (string, error) {
	payload, err := json.Marshal(c)
	if err != nil {
		return "", fmt.Errorf("badge payload: %w", err)
	}
	sig := ed25519.Sign(b.private, payload)
	return b64.EncodeToString(payload) + "." + b64.EncodeToString(sig), nil
}

// errBadToken is any token that is malformed, forged, tampered with or
// expired; callers learn no more than that.
var errBadToken = errors.New("badge token is not valid")

// verify returns the claims of a genuine, unexpired token.
func (b *badgeSigner) verify(token string, now time.Time) (badgeClaims, error) {
	p, s, ok := strings.Cut(strings.TrimSpace(token), ".")
	if !ok || len(token) > 1024 {
		return badgeClaims{}, errBadToken
	}
	payload, err1 := b64.DecodeString(p)
	sig, err2 := b64.DecodeString(s)
	if err1 != nil || err2 != nil || len(sig) != ed25519.SignatureSize || !ed25519.Verify(b.public, payload, sig) {
		return badgeClaims{}, errBadToken
	}
	var c badgeClaims
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil || uuid.Validate(c.Delegate) != nil || uuid.Validate(c.Conference) != nil {
		return badgeClaims{}, errBadToken
	}
	if !now.Before(time.Unix(c.Expires, 0)) {
		return badgeClaims{}, errBadToken
	}
	return c, nil
}

// badgeExpiry is when a badge stops being valid: the end of the
// conference's last day, UTC.
func badgeExpiry(conf *Conference) time.Time {
	return conf.EndsOn.Start().AddDate(0, 0, 1)
}

// qrPNG draws text as a QR code in PNG, with medium error correction so a
// badge that is creased or scuffed still scans.
func qrPNG(text string) ([]byte, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return nil, fmt.Errorf("qr code: %w", err)
	}
	return code.PNG(), nil
}
