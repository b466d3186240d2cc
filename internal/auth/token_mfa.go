package auth

import (
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// mfaAudience sets second-step tokens apart from access tokens: neither
// is accepted for the other, though the same key signs both.
const mfaAudience = "accord-mfa"

// issueMFA signs the second step's token for the user and the challenge
// (its jti), valid until exp. The challenge row makes it single use.
func (a *accessTokens) issueMFA(userID, challengeID string, exp time.Time) (string, error) {
	now := a.now()
	claims := jwt.RegisteredClaims{
		Subject:   userID,
		Issuer:    tokenIssuer,
		Audience:  jwt.ClaimStrings{mfaAudience},
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(exp),
		ID:        challengeID,
	}
	s, err := jwt.NewWithClaims(jwt.SigningMethodEdDSA, claims).SignedString(a.private)
	if err != nil {
		return "", fmt.Errorf("sign mfa token: %w", err)
	}
	return s, nil
}

// verifyMFA returns the user and the challenge a second-step token names.
func (a *accessTokens) verifyMFA(token string) (userID, challengeID string, err error) {
	p := jwt.NewParser(
		jwt.WithValidMethods([]string{jwt.SigningMethodEdDSA.Alg()}),
		jwt.WithExpirationRequired(),
		jwt.WithIssuer(tokenIssuer),
		jwt.WithAudience(mfaAudience),
		jwt.WithTimeFunc(a.now),
	)
	var claims jwt.RegisteredClaims
	if _, err := p.ParseWithClaims(token, &claims, func(*jwt.Token) (any, error) { return a.public, nil }); err != nil {
		return "", "", err
	}
	if claims.Subject == "" || claims.ID == "" {
		return "", "", errors.New("mfa token without subject or id")
	}
	return claims.Subject, claims.ID, nil
}
