package seal

import (
	"bytes"
	"encoding/hex"
	"strings"
	"testing"
)

func TestSealOpen(t *testing.T) {
	secret := []byte(strings.Repeat("s", 32))
	s, err := New(secret, "accord test")
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := s.Seal([]byte("plain"), []byte("row-1"))
	if err != nil {
		t.Fatal(err)
	}
	again, _ := s.Seal([]byte("plain"), []byte("row-1"))
	if bytes.Equal(sealed, again) {
		t.Fatal("two seals of one value are equal: the nonce is not fresh")
	}
	if plain, err := s.Open(sealed, []byte("row-1")); err != nil || string(plain) != "plain" {
		t.Fatalf("open = %q, %v", plain, err)
	}
	if _, err := s.Open(sealed, []byte("row-2")); err == nil {
		t.Fatal("a value opened under another row's id")
	}
	other, _ := New(secret, "accord other")
	if _, err := other.Open(sealed, []byte("row-1")); err == nil {
		t.Fatal("a value opened under another purpose's key")
	}
	if _, err := s.Open(sealed[:10], []byte("row-1")); err == nil {
		t.Fatal("a truncated value opened")
	}
	if _, err := New([]byte("short"), "accord test"); err == nil {
		t.Fatal("a short secret was accepted")
	}
}

// The values below were sealed by the code each package carried before
// this one served them all; stored data must stay readable.
func TestOpensWhatWasStored(t *testing.T) {
	secret := []byte(strings.Repeat("k", 32))
	for _, c := range []struct{ purpose, sealed, additional, plain string }{
		{"accord passport", "ca74fd295d8ff915dfa2dd17f310024894347213e653572aa3ef11d5e23f06f1a0818eed", "del-1", "X1234567"},
		{"accord visa letter", "9a46bef738e5d6d19adc0ff9da426031630bb73fb321ee5226287a567c255e2b6638074e9dee928cf28376", "let-1", "%PDF-1.4 letter"},
		{"accord webhook secret", "4a36ba76596f2d9a6d64c1e487393fd08e3ca03dd106257f2dd0fd627c1100d764", "wh-1", "whsec"},
	} {
		s, err := New(secret, c.purpose)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := hex.DecodeString(c.sealed)
		plain, err := s.Open(raw, []byte(c.additional))
		if err != nil || string(plain) != c.plain {
			t.Errorf("%s: open = %q, %v; want %q", c.purpose, plain, err, c.plain)
		}
	}
}
