package accreditation

import "github.com/accord-coalition/accord/internal/seal"

// passportCipher encrypts passport numbers at rest (internal/seal); the
// delegate's id is the additional data, so a ciphertext copied onto another
// delegate's row does not open.
type passportCipher struct {
	box *seal.Sealer
	// idKey keys the passport number's hash (passport_key.go).
	idKey []byte
}

func newPassportCipher(secret []byte) (*passportCipher, error) {
	box, err := seal.New(secret, "accord passport")
	if err != nil {
		return nil, err
	}
	idKey, err := seal.Key(secret, "accord passport identity", 32)
	if err != nil {
		return nil, err
	}
	return &passportCipher{box: box, idKey: idKey}, nil
}

func (p *passportCipher) seal(delegateID, number string) ([]byte, error) {
	return p.box.Seal([]byte(number), []byte(delegateID))
}

func (p *passportCipher) open(delegateID string, sealed []byte) (string, error) {
	plain, err := p.box.Open(sealed, []byte(delegateID))
	return string(plain), err
}

// passportHint is what is ever shown of a passport number: its last three
// characters.
func passportHint(number string) string {
	r := []rune(number)
	if len(r) <= 3 {
		return string(r)
	}
	return string(r[len(r)-3:])
}
