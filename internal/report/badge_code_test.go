package report_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// TestBadgeCardsCarryTheShortCode: every printed badge shows, under its QR
// code, the short code door staff type when no camera reads the QR code.
func TestBadgeCardsCarryTheShortCode(t *testing.T) {
	withFixture(t, func(t *testing.T, e *env, f *fixture) {
		b, err := e.accr.BadgeOf(context.Background(), f.sec.Actor(), f.laila)
		if err != nil || len(b.Code) != 8 {
			t.Fatalf("Laila's badge %+v, %v", b, err)
		}
		pdf := e.get(f.sec, "/conferences/"+f.conf.ID+"/exports/badges.pdf").want(t, "badges.pdf", http.StatusOK)
		if text := pdfText(t, pdf.body); !strings.Contains(text, b.Code) {
			t.Errorf("the badge lacks its code %s:\n%s", b.Code, text)
		}
	})
}
