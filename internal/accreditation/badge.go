package accreditation

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base32"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/google/uuid"
	"rsc.io/qr"

	"github.com/accord-coalition/accord/internal/seal"
)

// badgeClaims is what a badge token vouches for: one delegate, at one
// conference, until an instant.
type badgeClaims struct {
	Delegate   string `json:"d"`
	Conference string `json:"c"`
	Expires    int64  `json:"x"` // Unix seconds
}

// badgeSigner signs and checks badge tokens with an Ed25519 key derived
// from the server secret, checkable by anyone holding the public key — the
// door page included, offline.
//
// A token is base32 (RFC 4648, upper case, unpadded) of a 101-byte
// message: a format byte, the delegate's and the conference's UUIDs as 16
// bytes each, the expiry as big-endian Unix seconds in 4 bytes, and the 64-
// byte signature of the 37 bytes before it. 162 characters of the QR
// alphanumeric set fit a version 7 code at error correction M (178), where
// the former JSON token (about 200 characters) needed version 10 or more.
// Tokens of that former form, base64url(JSON) "." base64url(signature),
// still verify.
type badgeSigner struct {
	private ed25519.PrivateKey
	public  ed25519.PublicKey
}

func newBadgeSigner(secret []byte) (*badgeSigner, error) {
	seed, err := seal.Key(secret, "accord badge", ed25519.SeedSize)
	if err != nil {
		return nil, err
	}
	priv := ed25519.NewKeyFromSeed(seed)
	return &badgeSigner{private: priv, public: priv.Public().(ed25519.PublicKey)}, nil
}

var (
	b64 = base64.RawURLEncoding
	b32 = base32.StdEncoding.WithPadding(base32.NoPadding)
)

const (
	badgeFormat     = 1
	badgeSignedSize = 1 + 16 + 16 + 4
	badgeTokenSize  = badgeSignedSize + ed25519.SignatureSize
)

func (b *badgeSigner) sign(c badgeClaims) (string, error) {
	d, err1 := uuid.Parse(c.Delegate)
	conf, err2 := uuid.Parse(c.Conference)
	if err := errors.Join(err1, err2); err != nil {
		return "", fmt.Errorf("badge payload: %w", err)
	}
	if c.Expires < 0 || c.Expires > math.MaxUint32 {
		return "", fmt.Errorf("badge payload: expiry %d out of range", c.Expires)
	}
	msg := make([]byte, 0, badgeTokenSize)
	msg = append(msg, badgeFormat)
	msg = append(msg, d[:]...)
	msg = append(msg, conf[:]...)
	msg = binary.BigEndian.AppendUint32(msg, uint32(c.Expires))
	msg = append(msg, ed25519.Sign(b.private, msg)...)
	return b32.EncodeToString(msg), nil
}

// errBadToken is any token that is malformed, forged, tampered with or
// expired; callers learn no more than that.
var errBadToken = errors.New("badge token is not valid")

// verify returns the claims of a genuine, unexpired token.
func (b *badgeSigner) verify(token string, now time.Time) (badgeClaims, error) {
	token = strings.TrimSpace(token)
	if len(token) > 1024 {
		return badgeClaims{}, errBadToken
	}
	var (
		c   badgeClaims
		err error
	)
	if strings.Contains(token, ".") {
		c, err = b.verifyJSON(token)
	} else {
		c, err = b.verifyCompact(token)
	}
	if err != nil {
		return badgeClaims{}, err
	}
	if !now.Before(time.Unix(c.Expires, 0)) {
		return badgeClaims{}, errBadToken
	}
	return c, nil
}

// verifyCompact checks a token of the compact form; letter case does not
// matter, so a scanner that lower-cases still reads it.
func (b *badgeSigner) verifyCompact(token string) (badgeClaims, error) {
	msg, err := b32.DecodeString(strings.ToUpper(token))
	if err != nil || len(msg) != badgeTokenSize || msg[0] != badgeFormat ||
		!ed25519.Verify(b.public, msg[:badgeSignedSize], msg[badgeSignedSize:]) {
		return badgeClaims{}, errBadToken
	}
	d, _ := uuid.FromBytes(msg[1:17])
	conf, _ := uuid.FromBytes(msg[17:33])
	return badgeClaims{
		Delegate: d.String(), Conference: conf.String(),
		Expires: int64(binary.BigEndian.Uint32(msg[33:badgeSignedSize])),
	}, nil
}

// verifyJSON checks a token of the former form, printed on badges before
// the compact one.
func (b *badgeSigner) verifyJSON(token string) (badgeClaims, error) {
	p, s, _ := strings.Cut(token, ".")
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
