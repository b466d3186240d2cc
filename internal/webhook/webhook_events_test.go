package webhook_test

import (
	"slices"
	"testing"

	"github.com/accord-coalition/accord/internal/app"
	"github.com/accord-coalition/accord/internal/webhook"
)

// The events a subscription may name follow from the machines the engine
// runs, and include those the contract names.
func TestEventsCoverTheContract(t *testing.T) {
	events := webhook.Events(app.Tables())
	for _, want := range []string{
		"membership_application.approved", "membership_application.rejected", "membership_application.submitted",
		"membership_application.*", "accreditation_request.accredited", "accreditation_request.referred",
		"accreditation_request.denied", "delegate.checked_in", "membership.suspended", "membership.*",
	} {
		if !slices.Contains(events, want) {
			t.Errorf("events lack %q: %v", want, events)
		}
	}
}
