package auth

import (
	"crypto/ed25519"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"golang.org/x/crypto/hkdf"
)

const (
	tokenIssuer   = "accord"
	tokenAudience = "accord-api"
	// tokenLeeway absorbs clock skew between servers.
	tokenLeeway = 30 * time.Second
)

// accessClaims are the claims of an access token. The role is informative
// only: Authenticate reloads the user, so a changed role applies at once.
// The session id ties the token to its sign-in, which Authenticate checks
// is still open.
type accessClaims struct {
	Role      string `json:"role"`
	SessionID string `json:"sid"`
	jwt.RegisteredClaims
}

// accessTokens signs and verifies access tokens with Ed25519, the one
// algorithm accepted: a token claiming any other (none, HS256 keyed with
// the public key…) is refused before its signature is looked at.
type accessTokens struct {
	private ed25519.PrivateKey
	public  ed25519.PublicKey
	ttl     time.Duration
	now     func() time.Time
	parser  *jwt.Parser
}

// newAccessTokens derives the signing key from the server secret with HKDF,
// so every server sharing the secret signs and verifies alike, and the key
// is independent of anything else derived from the same secret.
func newAccessTokens(secret []byte, ttl time.Duration, now func() time.Time) (*accessTokens, error) {
	if len(secret) < 32 {
		return nil, errors.New("access tokens: the secret key must be at least 32 bytes")
	}
	seed := make([]byte, ed25519.SeedSize)
	if _, err := io.ReadFull(hkdf.New(sha256.New, secret, nil, []byte("accord access token")), seed); err != nil {
		return nil, fmt.Errorf("derive access token key: %w", err)
	}
	priv := ed25519.NewKeyFromSeed(seed)
	return &accessTokens{
		private: priv,
		public:  priv.Public().(ed25519.PublicKey),
		ttl:     ttl,
		now:     now,
		parser: jwt.NewParser(
			jwt.WithValidMethods([]string{jwt.SigningMethodEdDSA.Alg()}),
			jwt.WithExpirationRequired(),
			jwt.WithIssuedAt(),
			jwt.WithIssuer(tokenIssuer),
			jwt.WithAudience(tokenAudience),
			jwt.WithLeeway(tokenLeeway),
			jwt.WithTimeFunc(now),
		),
	}, nil
}

func (a *accessTokens) issue(u *User, sessionID string) (string, error) {
	now := a.now()
	claims := accessClaims{
		Role:      string(u.Role),
		SessionID: sessionID,
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   u.ID,
			Issuer:    tokenIssuer,
			Audience:  jwt.ClaimStrings{tokenAudience},
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(a.ttl)),
			ID:        uuid.NewString(),
		},
	}
	s, err := jwt.NewWithClaims(jwt.SigningMethodEdDSA, claims).SignedString(a.private)
	if err != nil {
		return "", fmt.Errorf("sign access token: %w", err)
	}
	return s, nil
}

// verify returns the user id the token was issued to and its session.
func (a *accessTokens) verify(token string) (userID, sessionID string, err error) {
	var claims accessClaims
	_, err = a.parser.ParseWithClaims(token, &claims, func(*jwt.Token) (any, error) { return a.public, nil })
	if err != nil {
		return "", "", err
	}
	if claims.Subject == "" {
		return "", "", errors.New("access token without subject")
	}
	if claims.SessionID == "" {
		return "", "", errors.New("access token without session")
	}
	return claims.Subject, claims.SessionID, nil
}
