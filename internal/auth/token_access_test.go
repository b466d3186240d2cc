package auth

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/accord-coalition/accord/internal/accord"
)

func TestAuthenticateRefusesForgedTokens(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		u := f.register("jwt@example.org", "long enough pw")
		good := f.login("jwt@example.org", "long enough pw").AccessToken
		if _, err := f.svc.Authenticate(f.ctx, good); err != nil {
			t.Fatalf("valid token refused: %v", err)
		}
		now := f.clock.Now()
		claims := func() accessClaims {
			return accessClaims{Role: string(accord.RoleAdmin), RegisteredClaims: jwt.RegisteredClaims{
				Subject: u.ID, Issuer: tokenIssuer, Audience: jwt.ClaimStrings{tokenAudience},
				IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(time.Minute)), ID: "x",
			}}
		}
		sign := func(m jwt.SigningMethod, c accessClaims, key any) string {
			t.Helper()
			s, err := jwt.NewWithClaims(m, c).SignedString(key)
			if err != nil {
				t.Fatalf("sign %s: %v", m.Alg(), err)
			}
			return s
		}
		otherKeys, err := newAccessTokens([]byte("another secret of at least thirty-two bytes"), time.Minute, f.clock.Now)
		if err != nil {
			t.Fatal(err)
		}
		wrongAudience := claims()
		wrongAudience.Audience = jwt.ClaimStrings{"another-api"}
		wrongIssuer := claims()
		wrongIssuer.Issuer = "someone"
		noExpiry := claims()
		noExpiry.ExpiresAt = nil
		noSubject := claims()
		noSubject.Subject = ""

		forged := map[string]string{
			"alg none":                    sign(jwt.SigningMethodNone, claims(), jwt.UnsafeAllowNoneSignatureType),
			"HS256 keyed with public key": sign(jwt.SigningMethodHS256, claims(), []byte(f.svc.access.public)),
			"another secret":              sign(jwt.SigningMethodEdDSA, claims(), otherKeys.private),
			"wrong audience":              sign(jwt.SigningMethodEdDSA, wrongAudience, f.svc.access.private),
			"wrong issuer":                sign(jwt.SigningMethodEdDSA, wrongIssuer, f.svc.access.private),
			"no expiry":                   sign(jwt.SigningMethodEdDSA, noExpiry, f.svc.access.private),
			"no subject":                  sign(jwt.SigningMethodEdDSA, noSubject, f.svc.access.private),
			"tampered payload":            tamper(t, good),
			"garbage":                     "not.a.token",
			"empty":                       "",
		}
		for name, tok := range forged {
			if _, err := f.svc.Authenticate(f.ctx, tok); accord.KindOf(err) != accord.KindUnauthenticated {
				t.Errorf("%s: Authenticate = %v; want unauthenticated", name, err)
			}
		}

		// Within the leeway a token is still good; past it, expired.
		f.clock.Advance(15*time.Minute + 20*time.Second)
		if _, err := f.svc.Authenticate(f.ctx, good); err != nil {
			t.Fatalf("token refused within the leeway: %v", err)
		}
		f.clock.Advance(15 * time.Second)
		_, err = f.svc.Authenticate(f.ctx, good)
		wantKind(t, err, accord.KindUnauthenticated)
	})
}

// tamper rewrites the payload's role to admin and keeps the signature.
func tamper(t *testing.T, token string) string {
	t.Helper()
	parts := strings.Split(token, ".")
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var payload map[string]any
	if err := json.Unmarshal(raw, &payload); err != nil {
		t.Fatal(err)
	}
	payload["role"] = "admin"
	raw, _ = json.Marshal(payload)
	parts[1] = base64.RawURLEncoding.EncodeToString(raw)
	return strings.Join(parts, ".")
}

func TestAuthenticateSeesTheUserAsItIsNow(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		u := f.register("now@example.org", "long enough pw")
		tok := f.login("now@example.org", "long enough pw").AccessToken
		g := f.db.WithContext(f.ctx)

		g.Model(&User{}).Where("id = ?", u.ID).Update("role", string(accord.RoleCoordinator))
		g.Create(&UserRegion{UserID: u.ID, Region: "AFR"})
		actor, err := f.svc.Authenticate(f.ctx, tok)
		if err != nil || actor.Role != accord.RoleCoordinator || !actor.CoversRegion("AFR") {
			t.Fatalf("after role change: %+v, %v", actor, err)
		}

		g.Model(&User{}).Where("id = ?", u.ID).Update("disabled", true)
		_, err = f.svc.Authenticate(f.ctx, tok)
		wantKind(t, err, accord.KindUnauthenticated)
	})
}

func TestAccessKeyIsSharedBySecret(t *testing.T) {
	a, err := newAccessTokens(testSecret, time.Minute, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := newAccessTokens(append([]byte(nil), testSecret...), time.Minute, time.Now)
	tok, err := a.issue(&User{ID: "0b9c2f5e-8a43-4b0e-9a53-7f1f6d2f4e10", Role: accord.RoleAdmin}, "5f2b7c1e-0d4a-4c8e-9b1f-3a6d2e8c7b40")
	if err != nil {
		t.Fatal(err)
	}
	if sub, sid, err := b.verify(tok); err != nil || sub != "0b9c2f5e-8a43-4b0e-9a53-7f1f6d2f4e10" || sid != "5f2b7c1e-0d4a-4c8e-9b1f-3a6d2e8c7b40" {
		t.Fatalf("a second server with the same secret: %q %q, %v", sub, sid, err)
	}
	if _, err := newAccessTokens([]byte("short"), time.Minute, time.Now); err == nil {
		t.Fatal("a short secret was accepted")
	}
}
