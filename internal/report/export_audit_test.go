package report_test

import (
	"net/http"
	"testing"

	"github.com/accord-coalition/accord/internal/audit"
)

// TestPersonalDataExportsAreAudited: participants, badges and members
// record who exported what, when, with which filters and how many rows;
// lists without personal data, and refused exports, record nothing.
func TestPersonalDataExportsAreAudited(t *testing.T) {
	withFixture(t, func(t *testing.T, e *env, f *fixture) {
		base := "/conferences/" + f.conf.ID + "/exports/"
		e.get(f.sec, base+"accredited.csv").want(t, "accredited", http.StatusOK)
		e.get(f.sec, base+"circulation.pdf").want(t, "circulation", http.StatusOK)
		e.get(f.state, base+"participants.csv").want(t, "refused", http.StatusForbidden)
		e.get(f.sec, base+"participants.xlsx?region=mena&state=confirmed&lang=fr").want(t, "participants", http.StatusOK)
		e.get(f.sec, base+"badges.pdf").want(t, "badges", http.StatusOK)
		e.get(f.sec, "/members/export.csv?country=EG").want(t, "members", http.StatusOK)

		events := e.auditEvents("export", "export")
		if len(events) != 3 {
			t.Fatalf("%d export events, want 3 (participants, badges, members): %+v", len(events), events)
		}
		check := func(ev audit.Event, entity, list, format string, rows int, filters map[string]any) {
			t.Helper()
			if ev.EntityID != entity || ev.ActorID != f.sec.ID || ev.ActorRole != "secretariat" || ev.RequestID == "" {
				t.Errorf("%s: entity %q actor %q %q request %q", list, ev.EntityID, ev.ActorID, ev.ActorRole, ev.RequestID)
			}
			if !ev.OccurredAt.Equal(e.Clock.Now()) {
				t.Errorf("%s: at %v, want %v", list, ev.OccurredAt, e.Clock.Now())
			}
			d := ev.Data
			if d["list"] != list || d["format"] != format || d["rows"] != float64(rows) || d["channel"] != "api" {
				t.Errorf("%s: data %v", list, d)
			}
			got, _ := d["filters"].(map[string]any)
			if len(got) != len(filters) {
				t.Errorf("%s: filters %v, want %v", list, got, filters)
			}
			for k, v := range filters {
				if got[k] != v {
					t.Errorf("%s: filter %s = %v, want %v", list, k, got[k], v)
				}
			}
		}
		// Laila and Omar are the confirmed-or-later delegates of MENA… and
		// Laila's badge is issued, so only Omar is merely confirmed.
		check(events[0], f.conf.ID, "participants", "xlsx", 1, map[string]any{"region": "MENA", "state": "confirmed"})
		if events[0].Data["locale"] != "fr" || events[0].Data["conference"] != "CoSP11" {
			t.Errorf("participants: %v", events[0].Data)
		}
		check(events[1], f.conf.ID, "badges", "pdf", 1, nil)
		check(events[2], "members", "members", "csv", 1, map[string]any{"country": "EG"})

		report, err := audit.Verify(t.Context(), e.DB.WithContext(t.Context()))
		if err != nil || !report.OK {
			t.Fatalf("audit chain: %+v %v", report, err)
		}
	})
}
