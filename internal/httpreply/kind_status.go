package httpreply

import (
	"net/http"

	"github.com/accord-coalition/accord/internal/accord"
)

// kindStatus is the one table from domain error kinds to HTTP statuses.
var kindStatus = map[accord.Kind]int{
	accord.KindInvalid:         http.StatusUnprocessableEntity,
	accord.KindBadRequest:      http.StatusBadRequest,
	accord.KindUnauthenticated: http.StatusUnauthorized,
	accord.KindForbidden:       http.StatusForbidden,
	accord.KindNotFound:        http.StatusNotFound,
	accord.KindConflict:        http.StatusConflict,
	accord.KindTooLarge:        http.StatusRequestEntityTooLarge,
	accord.KindUnsupported:     http.StatusUnsupportedMediaType,
	accord.KindRateLimited:     http.StatusTooManyRequests,
	accord.KindInternal:        http.StatusInternalServerError,
}

// Status is the HTTP status of an error of kind k. A kind the table does
// not know is treated as internal: 500, and ok false, so that the caller
// hides its message as it hides any unexpected error's.
func Status(k accord.Kind) (status int, ok bool) {
	status, ok = kindStatus[k]
	if !ok || k == accord.KindInternal {
		return http.StatusInternalServerError, false
	}
	return status, true
}

// StatusOf is the HTTP status of err by its kind; 500 for an error that
// carries none.
func StatusOf(err error) int {
	s, _ := Status(accord.KindOf(err))
	return s
}

// Kinds is how many error kinds have a status, for tests that check every
// kind is covered.
func Kinds() int { return len(kindStatus) }
