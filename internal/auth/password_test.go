package auth

import (
	"strings"
	"testing"
)

func TestPasswords(t *testing.T) {
	pw, err := newPasswords(cheapArgon2)
	if err != nil {
		t.Fatal(err)
	}
	h, err := pw.hash("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Fatalf("hash %q is not a PHC argon2id string", h)
	}
	if h2, _ := pw.hash("correct horse battery"); h2 == h {
		t.Fatal("two hashes of one password are equal: no salt")
	}
	if ok, stale := pw.verify(h, "correct horse battery"); !ok || stale {
		t.Fatalf("verify = %v, %v", ok, stale)
	}
	if ok, _ := pw.verify(h, "correct horse batterY"); ok {
		t.Fatal("wrong password accepted")
	}
	for _, bad := range []string{"", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "$argon2id$v=19$m=99999999,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", h[:len(h)-4]} {
		if ok, _ := pw.verify(bad, "correct horse battery"); ok {
			t.Fatalf("malformed hash %q matched", bad)
		}
	}

	stronger, _ := newPasswords(Argon2Params{Memory: 128, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32})
	if ok, stale := stronger.verify(h, "correct horse battery"); !ok || !stale {
		t.Fatalf("old parameters: verify = %v, stale = %v; want true, true", ok, stale)
	}
	if _, err := newPasswords(Argon2Params{}); err == nil {
		t.Fatal("zero parameters accepted")
	}
	if DefaultArgon2.Memory != 64*1024 || DefaultArgon2.Time != 1 || DefaultArgon2.Threads != 2 {
		t.Fatalf("defaults %+v are not RFC 9106's second option", DefaultArgon2)
	}
}
