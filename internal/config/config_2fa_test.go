package config

import "testing"

// ACCORD_2FA is optional unless set to staff; anything else stops the start.
func TestTwoFactor(t *testing.T) {
	for _, tc := range []struct {
		value, want string
		bad         bool
	}{{"", "optional", false}, {"optional", "optional", false}, {"staff", "staff", false}, {"everyone", "", true}} {
		c, err := Load(func(name string) string {
			if name == "ACCORD_2FA" {
				return tc.value
			}
			return ""
		})
		if (err != nil) != tc.bad {
			t.Errorf("%q: error %v, want error %v", tc.value, err, tc.bad)
		}
		if !tc.bad && c.TwoFactor != tc.want {
			t.Errorf("%q: TwoFactor %q, want %q", tc.value, c.TwoFactor, tc.want)
		}
	}
}
