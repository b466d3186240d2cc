package store

import (
	"crypto/rand"
	"crypto/sha256"
	"io"
	"sync"

	"golang.org/x/crypto/hkdf"
)

// The cursor key signs the paging cursors handed to clients. It is derived
// from the server secret, so that a cursor stays good across a restart and
// between servers that share the secret. Cursors are written and read deep
// in the services, which know nothing of the secret; the key is therefore
// one per process, set once at start. Until it is set (tests that build a
// service alone), a random key serves: cursors then hold for the life of
// the process.
var (
	cursorKeyMu  sync.RWMutex
	cursorKeyVal []byte
	cursorKeySet bool
)

// UseCursorSecret derives the cursor key from the server secret. The first
// call wins: one process serves one Accord, and a key that changed under
// a client would turn its next page into a 400.
func UseCursorSecret(secret []byte) error {
	cursorKeyMu.Lock()
	defer cursorKeyMu.Unlock()
	if cursorKeySet {
		return nil
	}
	key := make([]byte, 32)
	if _, err := io.ReadFull(hkdf.New(sha256.New, secret, nil, []byte("accord cursor")), key); err != nil {
		return err
	}
	cursorKeyVal, cursorKeySet = key, true
	return nil
}

func cursorKey() []byte {
	cursorKeyMu.RLock()
	k := cursorKeyVal
	cursorKeyMu.RUnlock()
	if k != nil {
		return k
	}
	cursorKeyMu.Lock()
	defer cursorKeyMu.Unlock()
	if cursorKeyVal == nil {
		cursorKeyVal = make([]byte, 32)
		_, _ = rand.Read(cursorKeyVal) // crypto/rand.Read never fails (Go 1.24)
	}
	return cursorKeyVal
}
