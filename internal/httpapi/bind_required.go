package httpapi

import (
	"strings"

	"github.com/accord-coalition/accord/internal/accord"
)

// namedValue is a request field's JSON name and value.
type namedValue struct{ name, value string }

// required answers 422 naming every blank field. It is for the fields
// without which a service call means nothing (a token to check); the
// services validate everything else.
func required(fields ...namedValue) error {
	var v accord.Validation
	for _, f := range fields {
		v.Check(strings.TrimSpace(f.value) != "", f.name, "required")
	}
	return v.Err()
}
