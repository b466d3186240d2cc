package audit

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// VerifyReport is the outcome of checking the chain. When OK is false,
// BrokenSeq names the first event whose link does not hold and Reason says
// why: a changed event fails its own hash; a removed one leaves a gap that
// the next event reports.
type VerifyReport struct {
	Checked   int64  `json:"checked"`
	OK        bool   `json:"ok"`
	BrokenSeq int64  `json:"broken_seq,omitempty"`
	Reason    string `json:"reason,omitempty"`
}

// verifyBatch bounds how many events Verify holds at once.
const verifyBatch = 1000

// Verify walks the chain in order, a page at a time, recomputing every hash
// and link up to the head as it stood when the walk began; events appended
// meanwhile are left for the next run.
func Verify(ctx context.Context, db *gorm.DB) (VerifyReport, error) {
	db = db.WithContext(ctx)
	var head struct {
		Seq  int64
		Hash string
	}
	if err := db.Raw("SELECT seq, hash FROM audit_head WHERE id = 1").Scan(&head).Error; err != nil {
		return VerifyReport{}, fmt.Errorf("verify audit chain: read head: %w", err)
	}

	var rep VerifyReport
	broken := func(seq int64, format string, args ...any) (VerifyReport, error) {
		rep.BrokenSeq = seq
		rep.Reason = fmt.Sprintf(format, args...)
		return rep, nil
	}
	last, prevHash := int64(0), genesisHash
	for last < head.Seq {
		var page []Event
		err := db.Where("seq > ? AND seq <= ?", last, head.Seq).
			Order("seq").Limit(verifyBatch).Find(&page).Error
		if err != nil {
			return rep, fmt.Errorf("verify audit chain after %d: %w", last, err)
		}
		if len(page) == 0 {
			break
		}
		for i := range page {
			e := &page[i]
			switch {
			case e.Seq != last+1:
				return broken(e.Seq, "events %d to %d are missing", last+1, e.Seq-1)
			case e.PrevHash != prevHash:
				return broken(e.Seq, "previous hash does not match event %d", last)
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
		return broken(last+1, "chain ends at %d but the head records %d", last, head.Seq)
	case prevHash != head.Hash:
		return broken(last, "head hash does not match event %d", last)
	}
	rep.OK = true
	return rep, nil
}
