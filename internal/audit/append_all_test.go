package audit_test

import (
	"context"
	"fmt"
	"testing"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestAppendAllContinuesTheChain: events appended together, between
// events appended one by one, make one chain that verifies, in order.
func TestAppendAllContinuesTheChain(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		appendEvents(t, db, 3)
		events := make([]*audit.Event, 1200)
		for i := range events {
			events[i] = &audit.Event{EntityType: "membership", EntityID: fmt.Sprintf("m%d", i), Event: "membership_imported",
				ToState: "active", Data: map[string]any{"row": i + 2, "filename": "الأعضاء.csv"}}
		}
		err := db.Transaction(ctx, func(tx *gorm.DB) error { return audit.AppendAll(ctx, tx, events) })
		if err != nil {
			t.Fatalf("append all: %v", err)
		}
		if events[0].Seq != 4 || events[len(events)-1].Seq != 1203 || events[1].PrevHash != events[0].Hash {
			t.Errorf("sequence %d…%d, links %v", events[0].Seq, events[len(events)-1].Seq, events[1].PrevHash == events[0].Hash)
		}
		appendEvents(t, db, 2)
		wantIntact(t, db, 1205)
	})
}
