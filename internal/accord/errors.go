package accord

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// Kind classifies a domain error. The kinds are few on purpose: each maps to
// exactly one HTTP status in one table (internal/httpapi).
type Kind int

const (
	KindInternal        Kind = iota // anything unexpected: logged once, 500
	KindInvalid                     // well-formed but invalid: 422 with field errors
	KindBadRequest                  // malformed input: 400
	KindUnauthenticated             // no or bad credentials: 401
	KindForbidden                   // signed in, but the role may not: 403
	KindNotFound                    // absent, or not visible to the caller: 404
	KindConflict                    // wrong state or stale version: 409
	KindTooLarge                    // body or upload over the limit: 413
	KindUnsupported                 // media type not accepted: 415
	KindRateLimited                 // too many attempts: 429 with Retry-After
)

// FieldError names one invalid field and says what is wrong with it.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error is the one error type services return for anything a client caused.
type Error struct {
	Kind       Kind
	Message    string
	Fields     []FieldError
	RetryAfter time.Duration // for KindRateLimited
	Err        error         // the cause, if any; never shown to clients
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf reports the kind of err, or KindInternal if err carries none.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}

// Errorf returns an error of kind k with a formatted message.
func Errorf(k Kind, format string, args ...any) *Error {
	return &Error{Kind: k, Message: fmt.Sprintf(format, args...)}
}

// NotFound is the error for objects that do not exist or that the caller may
// not see; the two are deliberately indistinguishable.
func NotFound(what string) *Error {
	return &Error{Kind: KindNotFound, Message: what + " not found"}
}

// Forbidden is the error for a signed-in caller whose role may not act.
func Forbidden(format string, args ...any) *Error {
	return Errorf(KindForbidden, format, args...)
}

// Conflict is the error for an event not allowed in the current state or a
// stale version.
func Conflict(format string, args ...any) *Error {
	return Errorf(KindConflict, format, args...)
}

// Invalid returns a validation error listing the offending fields.
func Invalid(message string, fields ...FieldError) *Error {
	return &Error{Kind: KindInvalid, Message: message, Fields: fields}
}

// Field is shorthand for one FieldError.
func Field(field, message string) FieldError {
	return FieldError{Field: field, Message: message}
}

// Validation collects field errors while a request is checked.
type Validation struct {
	fields []FieldError
}

// Add records that field is invalid.
func (v *Validation) Add(field, message string) {
	v.fields = append(v.fields, FieldError{Field: field, Message: message})
}

// Check records message against field when ok is false.
func (v *Validation) Check(ok bool, field, message string) {
	if !ok {
		v.Add(field, message)
	}
}

// MaxChars records that field is too long when value has more than limit
// characters. Limits are stated to users in characters, so they count runes:
// Arabic text takes two bytes a letter and would otherwise be refused at
// half its limit.
func (v *Validation) MaxChars(field, value string, limit int) {
	v.Check(utf8.RuneCountInString(value) <= limit, field, fmt.Sprintf("at most %d characters", limit))
}

// Err returns nil when nothing was recorded, else a KindInvalid error.
func (v *Validation) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return Invalid("the request has invalid fields", v.fields...)
}
