package auth

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
	"golang.org/x/crypto/hkdf"
)

// UserTOTP is a user's authenticator: the shared secret, sealed, and the
// time step of the last code accepted. Until ConfirmedAt is set the
// enrolment is pending and sign-in does not ask for a code.
type UserTOTP struct {
	UserID      string `gorm:"primaryKey"`
	SecretBox   []byte
	CreatedAt   time.Time
	ConfirmedAt *time.Time
	LastStep    int64
}

// TableName is user_totp.
func (UserTOTP) TableName() string { return "user_totp" }

// RecoveryCode is one of the codes shown once at enrolment, for when the
// authenticator is lost. Only its hash is stored; it works once.
type RecoveryCode struct {
	ID       string `gorm:"primaryKey"`
	UserID   string
	CodeHash string
	UsedAt   *time.Time
}

// TableName is recovery_codes.
func (RecoveryCode) TableName() string { return "recovery_codes" }

// MFAChallenge is the second step of a sign-in whose password was right.
type MFAChallenge struct {
	ID         string `gorm:"primaryKey"`
	UserID     string
	TokenHash  string
	CreatedAt  time.Time
	ExpiresAt  time.Time
	ConsumedAt *time.Time
	// PasskeySession is the passkey ceremony of this step under way (the
	// library's session data, JSON), taken by its first answer.
	PasskeySession *string
}

// TableName is mfa_challenges.
func (MFAChallenge) TableName() string { return "mfa_challenges" }

const (
	// totpPeriod and totpDigits are what every authenticator app assumes.
	totpPeriod = 30
	totpDigits = otp.DigitsSix
	// totpSkew accepts the code of the step before and after, for a phone
	// whose clock is a little off.
	totpSkew = 1
	// mfaChallengeTTL is how long the second step may take.
	mfaChallengeTTL = 5 * time.Minute
	// recoveryCodeCount codes are made at each enrolment.
	recoveryCodeCount = 10
	totpIssuer        = "Accord"
)

// totpCipher seals TOTP secrets with AES-256-GCM under a key derived from
// the server secret with HKDF, independent of every other derived key. A
// copy of the database alone gives no one the secrets.
type totpCipher struct{ aead cipher.AEAD }

func newTOTPCipher(secret []byte) (*totpCipher, error) {
	key := make([]byte, 32)
	if _, err := io.ReadFull(hkdf.New(sha256.New, secret, nil, []byte("accord totp secret")), key); err != nil {
		return nil, fmt.Errorf("derive totp key: %w", err)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("totp cipher: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("totp cipher: %w", err)
	}
	return &totpCipher{aead: aead}, nil
}

// seal encrypts the base32 secret, binding it to the user: a sealed
// secret copied to another user's row does not open.
func (c *totpCipher) seal(userID, secret string) []byte {
	nonce := make([]byte, c.aead.NonceSize())
	rand.Read(nonce) // never fails (crypto/rand panics instead)
	return c.aead.Seal(nonce, nonce, []byte(secret), []byte(userID))
}

func (c *totpCipher) open(userID string, box []byte) (string, error) {
	n := c.aead.NonceSize()
	if len(box) < n {
		return "", errors.New("open totp secret: too short")
	}
	plain, err := c.aead.Open(nil, box[:n], box[n:], []byte(userID))
	if err != nil {
		return "", fmt.Errorf("open totp secret: %w", err)
	}
	return string(plain), nil
}

// newTOTPKey makes a fresh secret for account (the user's email).
func newTOTPKey(account string) (*otp.Key, error) {
	key, err := totp.Generate(totp.GenerateOpts{
		Issuer: totpIssuer, AccountName: account, Period: totpPeriod, Digits: totpDigits, Algorithm: otp.AlgorithmSHA1,
	})
	if err != nil {
		return nil, fmt.Errorf("make totp secret: %w", err)
	}
	return key, nil
}

// matchStep returns the time step whose code equals code, within the
// skew around now, or 0 when none does.
func matchStep(secret, code string, now time.Time) int64 {
	code = strings.TrimSpace(code)
	if len(code) != totpDigits.Length() {
		return 0
	}
	step := now.Unix() / totpPeriod
	for d := int64(-totpSkew); d <= totpSkew; d++ {
		s := step + d
		want, err := totp.GenerateCodeCustom(secret, time.Unix(s*totpPeriod, 0), totp.ValidateOpts{
			Period: totpPeriod, Digits: totpDigits, Algorithm: otp.AlgorithmSHA1,
		})
		if err == nil && hmac.Equal([]byte(want), []byte(code)) {
			return s
		}
	}
	return 0
}

// newRecoveryCode is ten random base32 letters and digits in two groups:
// 50 bits, enough for a code that works once and is throttled.
func newRecoveryCode() string {
	const alphabet = "abcdefghijkmnpqrstuvwxyz23456789"
	b := make([]byte, 10)
	rand.Read(b) // never fails (crypto/rand panics instead)
	out := make([]byte, 0, 11)
	for i, c := range b {
		if i == 5 {
			out = append(out, '-')
		}
		out = append(out, alphabet[int(c)%len(alphabet)])
	}
	return string(out)
}

// normalizeRecoveryCode lets a code be typed in any case, with or without
// its dash and spaces.
func normalizeRecoveryCode(code string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(code) {
		if r == '-' || r == ' ' {
			continue
		}
		b.WriteRune(r)
	}
	s := b.String()
	if len(s) != 10 {
		return ""
	}
	return s[:5] + "-" + s[5:]
}

// otpauthURL rebuilds the URL of a stored secret, as newTOTPKey made it.
func otpauthURL(account, secret string) string {
	v := url.Values{}
	v.Set("secret", secret)
	v.Set("issuer", totpIssuer)
	v.Set("period", "30")
	v.Set("algorithm", "SHA1")
	v.Set("digits", "6")
	u := url.URL{Scheme: "otpauth", Host: "totp", Path: "/" + totpIssuer + ":" + account, RawQuery: v.Encode()}
	return u.String()
}
