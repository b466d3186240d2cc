package memberimport_test

import (
	"testing"

	"github.com/accord-coalition/accord/internal/i18n"
	"github.com/accord-coalition/accord/internal/memberimport"
	"github.com/accord-coalition/accord/internal/membership"
)

// TestPagesFindEveryText: the import pages build catalog keys from
// columns, error codes, states and events; each must be in the catalogs.
func TestPagesFindEveryText(t *testing.T) {
	cat, err := i18n.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{"event." + membership.EventMembershipImported}
	for _, col := range memberimport.Columns {
		keys = append(keys, "import.col_"+col)
	}
	for _, code := range []string{memberimport.CodeRequired, memberimport.CodeUnknownCountry, memberimport.CodeInvalidEmail,
		memberimport.CodeInvalidWebsite, memberimport.CodeInvalidDate, memberimport.CodeFutureDate, memberimport.CodeTooLong, memberimport.CodeInvalid} {
		keys = append(keys, "import.err_"+code)
	}
	m := memberimport.ImportMachine()
	for _, s := range m.States() {
		keys = append(keys, "import.state_"+s)
	}
	for _, tr := range m.Transitions {
		keys = append(keys, "import.action_"+tr.Event)
	}
	for _, k := range keys {
		if !cat.Has(k) {
			t.Errorf("no catalog entry %s", k)
		}
	}
}
