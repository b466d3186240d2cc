package audit

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// VerifyReport is the outcome of checking the chains. When OK is false,
// BrokenSeq names the first event whose link does not hold and Reason says
// why: a changed event fails its own hash; a removed one breaks the link
// of the next event of its chain, or the head's when it was the last.
type VerifyReport struct {
	Checked   int64  `json:"checked"`
	OK        bool   `json:"ok"`
	BrokenSeq int64  `json:"broken_seq,omitempty"`
	Reason    string `json:"reason,omitempty"`
}

// verifyBatch bounds how many events Verify holds at once.
const verifyBatch = 1000

type chainHead struct {
	ID   int
	Seq  int64
	Hash string
}

// Verify walks every chain in order, a page at a time, recomputing every
// hash and link up to the heads as they stood when the walk began; events
// appended meanwhile are left for the next run. An event filed under a
// chain that has no head is reported too: it links into nothing.
func Verify(ctx context.Context, db *gorm.DB) (VerifyReport, error) {
	db = db.WithContext(ctx)
	var heads []chainHead
	if err := db.Raw("SELECT id, seq, hash FROM audit_head ORDER BY id").Scan(&heads).Error; err != nil {
		return VerifyReport{}, fmt.Errorf("verify audit chain: read heads: %w", err)
	}
	var rep VerifyReport
	ids := make([]int, 0, len(heads))
	for _, h := range heads {
		ids = append(ids, h.ID)
		if err := verifyChain(db, h, &rep); err != nil || rep.Reason != "" {
			return rep, err
		}
	}
	var stray Event
	err := db.Where("chain NOT IN ?", ids).Order("seq").Limit(1).Find(&stray).Error
	if err != nil {
		return rep, fmt.Errorf("verify audit chain: events outside the chains: %w", err)
	}
	if stray.Seq != 0 {
		rep.BrokenSeq, rep.Reason = stray.Seq, fmt.Sprintf("event is filed under chain %d, which has no head", stray.Chain)
		return rep, nil
	}
	rep.OK = true
	return rep, nil
}

// verifyChain checks one chain, counting its good events into rep and
// setting rep's BrokenSeq and Reason at the first break.
func verifyChain(db *gorm.DB, head chainHead, rep *VerifyReport) error {
	broken := func(seq int64, format string, args ...any) error {
		rep.BrokenSeq = seq
		rep.Reason = fmt.Sprintf("chain %d: ", head.ID) + fmt.Sprintf(format, args...)
		return nil
	}
	last, prevHash := int64(0), genesisHash
	for last < head.Seq {
		var page []Event
		err := db.Where("chain = ? AND seq > ? AND seq <= ?", head.ID, last, head.Seq).
			Order("seq").Limit(verifyBatch).Find(&page).Error
		if err != nil {
			return fmt.Errorf("verify audit chain %d after %d: %w", head.ID, last, err)
		}
		if len(page) == 0 {
			break
		}
		for i := range page {
			e := &page[i]
			if e.PrevHash != prevHash {
				if last == 0 {
					return broken(e.Seq, "previous hash does not match the chain's start: an event before it is missing")
				}
				return broken(e.Seq, "previous hash does not match event %d: an event between them is missing or changed", last)
			}
			sum, err := e.computeHash()
			if err != nil {
				return broken(e.Seq, "%v", err)
			}
			if sum != e.Hash {
				return broken(e.Seq, "hash does not match the event's contents")
			}
			rep.Checked++
			last, prevHash = e.Seq, e.Hash
		}
	}
	switch {
	case last != head.Seq:
		return broken(head.Seq, "chain ends at %d but the head records %d", last, head.Seq)
	case prevHash != head.Hash:
		return broken(last, "head hash does not match event %d", last)
	}
	return nil
}
