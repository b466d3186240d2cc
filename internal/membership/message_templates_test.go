package membership

import (
	"context"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/notify"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestMessageTemplates renders every message this package sends, for
// every event, in each of the four languages, and checks that each
// language has its own text rather than the English fallback.
func TestMessageTemplates(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	templates := map[string][]string{
		templateApplicationUpdate: {"submit", "request_info", "respond", "approve", "reject", "appeal",
			"overturn", "uphold", "withdraw", "expire"},
		templateApplicationAttention: {"submit", "respond", "appeal"},
		templateMembershipUpdate:     {"reconfirm", "suspend", "reinstate", "terminate", "resign", "lapse"},
	}
	data := func(event string) map[string]any {
		return map[string]any{
			"event": event, "organization": "Uwazi Trust", "country": "KE", "region": "AFR",
			"comment": "THE-COMMENT", "deadline": "2026-05-01 09:00 UTC", "renewal_due": "2027-05-01",
			"url": "http://accord.test/applications/1",
		}
	}
	carriesComment := map[string]bool{
		"application_update/request_info": true, "application_update/reject": true, "application_update/overturn": true,
		"application_update/uphold": true, "application_attention/respond": true, "application_attention/appeal": true,
		"membership_update/suspend": true, "membership_update/terminate": true,
	}
	carriesDeadline := map[string]bool{"request_info": true, "reject": true}
	for tpl, evs := range templates {
		for _, ev := range evs {
			subjects := map[string]string{}
			for _, locale := range []string{"ar", "en", "fr", "es"} {
				to := notify.Recipient{Email: "x@ngo.example", Locale: locale}
				if err := notify.Enqueue(ctx, db.Gorm, to, tpl, data(ev)); err != nil {
					t.Fatalf("%s %s %s: %v", tpl, ev, locale, err)
				}
				var m notify.Message
				if err := db.Gorm.Order("created_at DESC, id DESC").Where("template = ?", tpl).Take(&m).Error; err != nil {
					t.Fatal(err)
				}
				if m.Locale != locale || m.Subject == "" || !strings.Contains(m.Body, "Uwazi Trust") ||
					!strings.Contains(m.Body, "http://accord.test/applications/1") {
					t.Errorf("%s %s %s: %q\n%s", tpl, ev, locale, m.Subject, m.Body)
				}
				if carriesComment[tpl+"/"+ev] && !strings.Contains(m.Body, "THE-COMMENT") {
					t.Errorf("%s %s %s: the comment (questions, reasons, grounds) is missing:\n%s", tpl, ev, locale, m.Body)
				}
				if carriesDeadline[ev] && tpl == templateApplicationUpdate && !strings.Contains(m.Body, "2026-05-01 09:00 UTC") {
					t.Errorf("%s %s %s: the deadline is missing:\n%s", tpl, ev, locale, m.Body)
				}
				subjects[locale] = m.Subject
				db.Gorm.Exec("DELETE FROM messages")
			}
			if subjects["ar"] == subjects["en"] || subjects["fr"] == subjects["en"] || subjects["es"] == subjects["en"] {
				t.Errorf("%s %s: a language repeats the English subject: %v", tpl, ev, subjects)
			}
		}
	}
}
