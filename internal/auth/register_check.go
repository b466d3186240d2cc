package auth

import (
	"strings"

	"github.com/accord-coalition/accord/internal/accord"
)

// CheckRegistration is every refusal Register would give in, field by
// field, without registering anyone: a form shows them all at once, beside
// what it finds missing itself, rather than one round after another.
func CheckRegistration(in RegisterInput) error {
	email := NormalizeEmail(in.Email)
	var v accord.Validation
	checkEmail(&v, email)
	checkPassword(&v, "password", in.Password, email)
	checkName(&v, strings.TrimSpace(in.Name))
	checkLocale(&v, normalizeLocale(in.Locale))
	return v.Err()
}
