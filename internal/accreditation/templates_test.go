package accreditation_test

import (
	"context"
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/notify"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestMessagesRenderInEveryLanguage renders each of the capability's
// messages in the four languages with the data the service gives them.
func TestMessagesRenderInEveryLanguage(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	base := map[string]any{"conference": "Eleventh session", "code": "CoSP11", "url": "http://accord.test/x"}
	with := func(extra map[string]any) map[string]any {
		m := map[string]any{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	cases := map[string][]map[string]any{
		"accreditation_update": {
			with(map[string]any{"event": "close_period", "state": "accredited", "comment": ""}),
			with(map[string]any{"event": "close_period", "state": "referred", "comment": ""}),
			with(map[string]any{"event": "conference_deny", "state": "denied", "comment": "CAC/COSP/11/L.5"}),
			with(map[string]any{"event": "withdraw_objection", "state": "circulated", "comment": "Clarified."}),
			with(map[string]any{"event": "request_changes", "state": "changes_requested", "comment": "Please add."}),
		},
		"accreditation_circulated": {with(map[string]any{"number": 1, "count": 3, "deadline": "2026-04-01 09:00 UTC", "late": true})},
		"objection_lodged":         {with(map[string]any{"country": "France", "grounds": "The grounds.", "deadline": "2026-04-01 09:00 UTC"})},
		"objection_reply":          {with(map[string]any{"organization": "Civic Watch", "text": "Our reply."})},
	}
	for name, datas := range cases {
		for _, locale := range []string{"ar", "en", "fr", "es"} {
			for i, data := range datas {
				err := db.Transaction(ctx, func(tx *gorm.DB) error {
					return notify.Enqueue(ctx, tx, notify.Recipient{Email: "someone@example.org", Locale: locale}, name, data)
				})
				if err != nil {
					t.Errorf("%s.%s #%d: %v", name, locale, i, err)
				}
			}
		}
	}
	var msgs []notify.Message
	if err := db.WithContext(ctx).Find(&msgs).Error; err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if strings.TrimSpace(m.Subject) == "" || !strings.Contains(m.Body, "http://accord.test/x") {
			t.Errorf("%s.%s: subject %q body %q", m.Template, m.Locale, m.Subject, m.Body)
		}
		if m.Locale == "fr" && m.Template == "objection_lodged" && !strings.Contains(m.Body, "The grounds.") {
			t.Errorf("the grounds are not in the French message: %s", m.Body)
		}
	}
	if len(msgs) != 4*8 {
		t.Errorf("%d messages rendered, want %d", len(msgs), 4*8)
	}
}
