package accord_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
)

// arabic returns n Arabic letters, two bytes each in UTF-8.
func arabic(n int) string {
	return strings.Repeat("ع", n)
}

func TestMaxCharsCountsCharacters(t *testing.T) {
	for _, tc := range []struct {
		name  string
		value string
		ok    bool
	}{
		{"empty", "", true},
		{"ascii at the limit", strings.Repeat("a", 10000), true},
		{"ascii one over", strings.Repeat("a", 10001), false},
		{"arabic over the limit in bytes", arabic(6000), true},
		{"arabic at the limit", arabic(10000), true},
		{"arabic one over", arabic(10001), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v accord.Validation
			v.MaxChars("motivation", tc.value, 10000)
			err := v.Err()
			if tc.ok {
				if err != nil {
					t.Fatalf("%d characters refused: %v", len([]rune(tc.value)), err)
				}
				return
			}
			var ae *accord.Error
			if !errors.As(err, &ae) || ae.Kind != accord.KindInvalid {
				t.Fatalf("%d characters: got %v, want an invalid-request error", len([]rune(tc.value)), err)
			}
			want := accord.FieldError{Field: "motivation", Message: "at most 10000 characters"}
			if len(ae.Fields) != 1 || ae.Fields[0] != want {
				t.Fatalf("fields %+v, want %+v", ae.Fields, want)
			}
		})
	}
}
