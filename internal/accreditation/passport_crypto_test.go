package accreditation

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestPassportCipherBindsTheDelegate(t *testing.T) {
	secret := []byte(strings.Repeat("s", 32))
	p, err := newPassportCipher(secret)
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := p.seal("delegate-1", "X1234567")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(sealed, []byte("X1234567")) {
		t.Fatal("the sealed number holds the plain one")
	}
	again, _ := p.seal("delegate-1", "X1234567")
	if bytes.Equal(sealed, again) {
		t.Fatal("two seals of one number are equal: the nonce is not fresh")
	}
	if got, err := p.open("delegate-1", sealed); err != nil || got != "X1234567" {
		t.Fatalf("open = %q, %v", got, err)
	}
	if _, err := p.open("delegate-2", sealed); err == nil {
		t.Fatal("a number sealed for one delegate opens for another")
	}
	other, _ := newPassportCipher([]byte(strings.Repeat("t", 32)))
	if _, err := other.open("delegate-1", sealed); err == nil {
		t.Fatal("a number opens under another secret")
	}
	if _, err := newPassportCipher([]byte("short")); err == nil {
		t.Fatal("a short secret was accepted")
	}
	if h := passportHint("X1234567"); h != "567" {
		t.Fatalf("hint %q", h)
	}
}

func TestBadgeTokenRefusesWhatItDidNotSign(t *testing.T) {
	b, err := newBadgeSigner([]byte(strings.Repeat("s", 32)))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	c := badgeClaims{Delegate: "0d7c2a8e-0000-4000-8000-000000000001", Conference: "0d7c2a8e-0000-4000-8000-000000000002",
		Expires: now.Add(time.Hour).Unix()}
	token, err := b.sign(c)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := b.verify(token, now); err != nil || got != c {
		t.Fatalf("verify = %+v, %v", got, err)
	}
	if _, err := b.verify(token, now.Add(time.Hour)); err == nil {
		t.Fatal("an expired token verifies")
	}
	for _, bad := range []string{"", ".", token + "x", "x" + token, token[:10] + "." + token[10:], token[:len(token)-2]} {
		if _, err := b.verify(bad, now); err == nil {
			t.Errorf("%q verifies", bad)
		}
	}
	other, _ := newBadgeSigner([]byte(strings.Repeat("t", 32)))
	if _, err := other.verify(token, now); err == nil {
		t.Fatal("a token verifies under another secret")
	}
}
