package accreditation

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
)

// identity is the keyed hash of a normalised passport number: equal numbers
// give equal hashes, so a unique index can compare them, but the column
// tells nothing to whoever lacks the server secret.
func (p *passportCipher) identity(number string) []byte {
	m := hmac.New(sha256.New, p.idKey)
	m.Write([]byte(number))
	return m.Sum(nil)
}

// errPassportKey marks every refusal of a passport already nominated.
var errPassportKey = errors.New("passport already nominated for the conference")

// errSameRequest marks a passport already nominated on the very request
// being added to: a form sent twice, which the pages treat as done.
var errSameRequest = errors.New("already nominated on this request")

// errPassportTaken is the 409 for a person already nominated to the
// conference, by this organisation (sameRequest) or another.
func errPassportTaken(sameRequest bool) error {
	e := &accord.Error{Kind: accord.KindConflict,
		Message: "a delegate with this passport number is already nominated for this conference",
		Fields:  []accord.FieldError{accord.Field("passport_number", "already nominated for this conference")}}
	e.Err = errPassportKey
	if sameRequest {
		e.Err = fmt.Errorf("%w: %w", errPassportKey, errSameRequest)
	}
	return e
}

// IsPassportTaken reports whether err refused a nomination because the
// same person is already nominated to the conference.
func IsPassportTaken(err error) bool { return errors.Is(err, errPassportKey) }

// IsAlreadyNominated reports whether err refused a nomination because the
// same person is already nominated on the same request.
func IsAlreadyNominated(err error) bool { return errors.Is(err, errSameRequest) }

// passportFree refuses key when a live delegate of r's conference holds it.
// The unique index delegates_passport_once is the guarantee; this check
// gives the clearer answer in the common case, and tells a form sent twice
// from a second person.
func passportFree(ctx context.Context, tx *gorm.DB, r *Request, key []byte) error {
	var holders []string
	err := tx.WithContext(ctx).Model(&Delegate{}).
		Where("conference_id = ? AND passport_key = ? AND state IN ?", r.ConferenceID, key, liveDelegateStates).
		Pluck("accreditation_request_id", &holders).Error
	if err != nil {
		return fmt.Errorf("check passport: %w", err)
	}
	if len(holders) == 0 {
		return nil
	}
	return errPassportTaken(holders[0] == r.ID)
}
