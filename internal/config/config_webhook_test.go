package config

import "testing"

// ACCORD_WEBHOOK_ALLOW_PRIVATE is off unless set to true, and a value
// that is not a boolean stops the start.
func TestWebhookAllowPrivate(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  bool
		bad   bool
	}{{"", false, false}, {"false", false, false}, {"true", true, false}, {"yes please", false, true}} {
		c, err := Load(func(name string) string {
			if name == "ACCORD_WEBHOOK_ALLOW_PRIVATE" {
				return tc.value
			}
			return ""
		})
		if (err != nil) != tc.bad {
			t.Errorf("%q: error %v, want error %v", tc.value, err, tc.bad)
		}
		if !tc.bad && c.WebhookAllowPrivate != tc.want {
			t.Errorf("%q: WebhookAllowPrivate %v, want %v", tc.value, c.WebhookAllowPrivate, tc.want)
		}
	}
}
