package audit

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// Chains is how many hash chains the log keeps on PostgreSQL. Every
// audited write locks its chain's head until it commits, and the commit's
// flush to disk is the longest part of it; with one head every write in
// the product waited for every other, so a rush of nominations queued on
// one row (bench/README.md "The rush"). Sixteen heads let unrelated
// writes commit side by side, and PostgreSQL flushes their commits
// together. SQLite has one writer at a time whatever the heads, so there
// the log stays one chain (docs/decisions.md "Sixteen audit chains").
const Chains = 16

// chainFor picks the chain of a transaction's events from its first
// event's subject, so that a subject's events mostly share a chain; any
// choice is correct, since each chain is checked on its own.
func chainFor(e *Event) int {
	h := fnv.New32a()
	h.Write([]byte(e.EntityType))
	h.Write([]byte{0})
	h.Write([]byte(e.EntityID))
	return 1 + int(h.Sum32()%Chains)
}

// AppendAll adds events to the end of one chain in their order, as Append
// would one by one, but reading and moving the head once and inserting in
// batches: a bulk change (an imported member list) records thousands of
// events in one transaction without thousands of round trips.
//
// On PostgreSQL sequence numbers come from audit_events_seq, drawn while
// the chain's head is locked: they rise along every chain, and the
// change a write makes to its subject's row is locked before it appends,
// so a subject's events are in the order of their sequence numbers
// across chains too. On SQLite they follow the single head.
func AppendAll(ctx context.Context, tx *gorm.DB, events []*Event) error {
	if len(events) == 0 {
		return nil
	}
	tx = tx.WithContext(ctx)
	postgres := tx.Dialector.Name() == "postgres"
	chain := 1
	if postgres {
		chain = chainFor(events[0])
	}
	h, seqs, err := lockHead(tx, postgres, chain, len(events))
	if err != nil {
		return err
	}
	prev := h.Hash
	for i, e := range events {
		if e.EntityType == "" || e.Event == "" {
			return errors.New("audit append: entity type and event are required")
		}
		id, err := uuid.NewV7()
		if err != nil {
			return fmt.Errorf("audit append: id: %w", err)
		}
		if e.OccurredAt.IsZero() {
			e.OccurredAt = time.Now()
		}
		e.OccurredAt = normaliseTime(e.OccurredAt)
		if e.Data, err = normaliseData(e.Data); err != nil {
			return fmt.Errorf("audit append: %w", err)
		}
		e.Seq, e.Chain, e.ID, e.PrevHash = seqs[i], chain, id.String(), prev
		if e.Hash, err = e.computeHash(); err != nil {
			return fmt.Errorf("audit append: %w", err)
		}
		prev = e.Hash
	}
	if err := tx.CreateInBatches(events, appendBatch).Error; err != nil {
		return fmt.Errorf("audit append: insert %d events: %w", len(events), err)
	}
	last := seqs[len(seqs)-1]
	res := tx.Exec("UPDATE audit_head SET seq = ?, hash = ? WHERE id = ? AND seq = ?", last, prev, chain, h.Seq)
	if res.Error != nil {
		return fmt.Errorf("audit append: move head %d: %w", chain, res.Error)
	}
	if res.RowsAffected != 1 {
		return fmt.Errorf("audit append: head %d moved past %d during append", chain, h.Seq)
	}
	return nil
}

type head struct {
	Seq  int64
	Hash string
}

// lockHead locks the chain's head and returns it with n rising sequence
// numbers for new events. On PostgreSQL one statement does both: the
// numbers are drawn as the locked row leaves the materialised CTE, so
// never before the lock is held (drawn before it, two waiters could take
// the head in the other order than their numbers).
func lockHead(tx *gorm.DB, postgres bool, chain, n int) (head, []int64, error) {
	seqs := make([]int64, n)
	if !postgres {
		var h head
		res := tx.Raw("SELECT seq, hash FROM audit_head WHERE id = ?", chain).Scan(&h)
		if res.Error != nil {
			return head{}, nil, fmt.Errorf("audit append: read head %d: %w", chain, res.Error)
		}
		if res.RowsAffected != 1 {
			return head{}, nil, fmt.Errorf("audit append: audit_head has no row %d; migrations not applied?", chain)
		}
		for i := range seqs {
			seqs[i] = h.Seq + int64(i) + 1
		}
		return h, seqs, nil
	}
	var rows []struct {
		Seq  int64
		Hash string
		Next int64
	}
	err := tx.Raw(`WITH h AS MATERIALIZED (SELECT seq, hash FROM audit_head WHERE id = ? FOR UPDATE)
SELECT h.seq, h.hash, nextval('audit_events_seq') AS next FROM h, generate_series(1, ?)`, chain, n).Scan(&rows).Error
	if err != nil {
		return head{}, nil, fmt.Errorf("audit append: lock head %d: %w", chain, err)
	}
	if len(rows) != n {
		return head{}, nil, fmt.Errorf("audit append: audit_head has no row %d; migrations not applied?", chain)
	}
	for i, r := range rows {
		seqs[i] = r.Next
	}
	slices.Sort(seqs)
	return head{Seq: rows[0].Seq, Hash: rows[0].Hash}, seqs, nil
}

// appendBatch is how many events one INSERT carries: past a few
// thousand parameters the SQLite driver's binding grows quadratically.
const appendBatch = 100
