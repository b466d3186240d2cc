package notify

import (
	"context"
	"errors"
)

// Email is one message as handed to a mail server. Body is plain UTF-8 text.
// An empty From means the sender's configured address.
type Email struct {
	From, To, Subject, Body string
}

// Sender delivers an email, or says why it could not.
type Sender interface {
	Send(ctx context.Context, e Email) error
}

// permanentError marks a refusal that no retry will change, such as an
// address the server says does not exist.
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// Permanent wraps err so that the worker gives the message up at once
// instead of retrying it.
func Permanent(err error) error { return &permanentError{err: err} }

// IsPermanent reports whether err was marked with Permanent.
func IsPermanent(err error) bool {
	var p *permanentError
	return errors.As(err, &p)
}
