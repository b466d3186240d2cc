package auth

import (
	"testing"
	"time"

	"github.com/pquerna/otp/totp"
)

// A sealed secret opens only for its user and under the same server
// secret; the code of the steps around now matches, others do not.
func TestTOTPSecretSealedAndMatched(t *testing.T) {
	c, err := newTOTPCipher([]byte("a-test-secret-key-that-is-long-enough-0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	key, err := newTOTPKey("amina@example.org")
	if err != nil {
		t.Fatal(err)
	}
	box := c.seal("user-1", key.Secret())
	if got, err := c.open("user-1", box); err != nil || got != key.Secret() {
		t.Fatalf("open: %q, %v", got, err)
	}
	if _, err := c.open("user-2", box); err == nil {
		t.Fatal("a secret sealed for one user opened for another")
	}
	other, _ := newTOTPCipher([]byte("another-secret-key-that-is-long-enough-98765"))
	if _, err := other.open("user-1", box); err == nil {
		t.Fatal("a secret opened under another server secret")
	}

	now := time.Date(2026, 3, 2, 9, 0, 10, 0, time.UTC)
	for _, d := range []time.Duration{-30 * time.Second, 0, 30 * time.Second} {
		code, _ := totp.GenerateCode(key.Secret(), now.Add(d))
		if step := matchStep(key.Secret(), code, now); step != now.Add(d).Unix()/30 {
			t.Errorf("code of %v: step %d", d, step)
		}
	}
	stale, _ := totp.GenerateCode(key.Secret(), now.Add(-2*time.Minute))
	if matchStep(key.Secret(), stale, now) != 0 {
		t.Error("a code two minutes old matched")
	}
	if normalizeRecoveryCode(" ABCDE fghij ") != "abcde-fghij" || normalizeRecoveryCode("abc") != "" {
		t.Error("recovery codes are not normalised")
	}
}
