package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strings"

	"golang.org/x/crypto/argon2"
)

// passwords hashes and verifies passwords with argon2id, stored in the PHC
// string format: $argon2id$v=19$m=65536,t=1,p=2$<salt>$<hash>.
type passwords struct {
	params Argon2Params
	// slots bounds the hashes computed at once: each takes Memory KiB, and
	// a burst of sign-ins must not exhaust a small server's memory. Hashing
	// is CPU-bound, so one slot per CPU costs no throughput.
	slots chan struct{}
	// dummy is verified against when an account does not exist, so that a
	// wrong email takes as long as a wrong password.
	dummy string
}

func newPasswords(p Argon2Params) (*passwords, error) {
	if p.Memory == 0 || p.Time == 0 || p.Threads == 0 || p.SaltLen < 8 || p.KeyLen < 16 {
		return nil, fmt.Errorf("argon2 parameters %+v: memory, time and threads must be set, salt >= 8 and key >= 16 bytes", p)
	}
	pw := &passwords{params: p, slots: make(chan struct{}, runtime.NumCPU())}
	raw := make([]byte, 16)
	rand.Read(raw)
	dummy, err := pw.hash(base64.RawStdEncoding.EncodeToString(raw))
	if err != nil {
		return nil, err
	}
	pw.dummy = dummy
	return pw, nil
}

func (pw *passwords) hash(password string) (string, error) {
	salt := make([]byte, pw.params.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password salt: %w", err)
	}
	key := pw.derive(password, salt, pw.params)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version,
		pw.params.Memory, pw.params.Time, pw.params.Threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

func (pw *passwords) derive(password string, salt []byte, p Argon2Params) []byte {
	pw.slots <- struct{}{}
	defer func() { <-pw.slots }()
	return argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
}

// verify reports whether password matches encoded, and whether encoded was
// made with other parameters than the current ones (so it may be rehashed).
// An empty or malformed hash — an invited user who has not chosen a password
// yet — never matches, but costs the same time as one that does not.
func (pw *passwords) verify(encoded, password string) (ok, stale bool) {
	p, salt, want, err := parsePHC(encoded)
	if err != nil {
		pw.derive(password, make([]byte, pw.params.SaltLen), pw.params)
		return false, false
	}
	got := pw.derive(password, salt, p)
	ok = subtle.ConstantTimeCompare(got, want) == 1
	stale = p.Memory != pw.params.Memory || p.Time != pw.params.Time || p.Threads != pw.params.Threads ||
		uint32(len(salt)) != pw.params.SaltLen || uint32(len(want)) != pw.params.KeyLen
	return ok, stale
}

// spend costs what verifying a real password costs; for unknown accounts.
func (pw *passwords) spend(password string) { pw.verify(pw.dummy, password) }

var errPHC = errors.New("not an argon2id PHC string")

func parsePHC(s string) (Argon2Params, []byte, []byte, error) {
	var p Argon2Params
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, errPHC
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, errPHC
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, errPHC
	}
	// Bound what a stored hash may ask for, so a corrupted row cannot make
	// one sign-in allocate gigabytes.
	if p.Memory == 0 || p.Memory > 4*1024*1024 || p.Time == 0 || p.Time > 64 || p.Threads == 0 {
		return p, nil, nil, errPHC
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil || len(salt) < 8 {
		return p, nil, nil, errPHC
	}
	key, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil || len(key) < 16 {
		return p, nil, nil, errPHC
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	return p, salt, key, nil
}
