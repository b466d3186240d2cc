package accreditation

import (
	"crypto/ed25519"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// signJSON makes a token of the former form, as badges printed before the
// compact one carry.
func (b *badgeSigner) signJSON(t *testing.T, c badgeClaims) string {
	payload, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return b64.EncodeToString(payload) + "." + b64.EncodeToString(ed25519.Sign(b.private, payload))
}

// TestBadgeTokenForms: compact tokens verify in any letter case and carry
// the claims; tokens of the former form still verify; expired, truncated
// and re-signed-by-nobody tokens do not.
func TestBadgeTokenForms(t *testing.T) {
	signer, err := newBadgeSigner([]byte("a server secret of at least thirty-two bytes"))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	c := badgeClaims{Delegate: uuid.NewString(), Conference: uuid.NewString(), Expires: now.Add(48 * time.Hour).Unix()}
	token, err := signer.sign(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(token) != 162 {
		t.Errorf("token of %d characters", len(token))
	}
	for _, tok := range []string{token, strings.ToLower(token), signer.signJSON(t, c)} {
		got, err := signer.verify(tok, now)
		if err != nil || got != c {
			t.Errorf("verify %.20s…: %v %v", tok, got, err)
		}
	}
	if _, err := signer.verify(token, now.Add(49*time.Hour)); err == nil {
		t.Error("an expired token verifies")
	}
	if _, err := signer.verify(token[:160], now); err == nil {
		t.Error("a truncated token verifies")
	}
	for _, code := range []string{"abcd-efgh", "ABCDEFGH", " 2345 6789 "} {
		if n, ok := normalizeBadgeCode(code); !ok || len(n) != badgeCodeLen || strings.ToUpper(n) != n {
			t.Errorf("code %q: %q %v", code, n, ok)
		}
	}
	for _, bad := range []string{"ABCDEFG0", "ABCDEFGI", "ABC", "ABCDEFGHJ"} {
		if _, ok := normalizeBadgeCode(bad); ok {
			t.Errorf("code %q accepted", bad)
		}
	}
}

// BenchmarkBadgeVerify is the server's side of a scan: decode and check a
// compact token's signature and expiry.
func BenchmarkBadgeVerify(b *testing.B) {
	signer, err := newBadgeSigner([]byte("a server secret of at least thirty-two bytes"))
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	token, err := signer.sign(badgeClaims{Delegate: uuid.NewString(), Conference: uuid.NewString(), Expires: now.Add(time.Hour).Unix()})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := signer.verify(token, now); err != nil {
			b.Fatal(err)
		}
	}
}
