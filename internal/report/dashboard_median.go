package report

import (
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
)

// decidedStates are the application states a decision ends in.
var decidedStates = []string{"approved", "rejected", "rejected_final"}

// medianTimeToDecision is the median time to decision of membership
// applications: for every application now approved, rejected or
// rejected_final, the time from its submission (submitted_at, stamped
// once by submit) to its latest decision (decided_at, stamped by approve,
// reject, overturn and uphold — so an appealed application counts until
// the appeal is decided). The median is the middle duration, or the mean
// of the two middle ones for an even count. Drafts, open applications and
// those withdrawn or expired have no decision and do not count.
//
// The timestamps are read rather than the audit trail: they are written
// in the transitions' own transactions, so they say the same, and the
// dashboard need not scan every event.
func medianTimeToDecision(tx *gorm.DB) (DecisionTime, error) {
	var spans []struct {
		SubmittedAt time.Time
		DecidedAt   time.Time
	}
	err := tx.Table("membership_applications").Select("submitted_at, decided_at").
		Where("state IN ? AND submitted_at IS NOT NULL AND decided_at IS NOT NULL", decidedStates).
		Scan(&spans).Error
	if err != nil {
		return DecisionTime{}, fmt.Errorf("time to decision: %w", err)
	}
	durations := make([]time.Duration, 0, len(spans))
	for _, s := range spans {
		durations = append(durations, max(s.DecidedAt.Sub(s.SubmittedAt), 0))
	}
	out := DecisionTime{Decided: len(durations)}
	if len(durations) == 0 {
		return out, nil
	}
	m := median(durations)
	secs, days := int64(m/time.Second), m.Hours()/24
	out.MedianSeconds, out.MedianDays = &secs, &days
	return out, nil
}

// median of a non-empty list of durations.
func median(ds []time.Duration) time.Duration {
	slices.Sort(ds)
	n := len(ds)
	if n%2 == 1 {
		return ds[n/2]
	}
	return (ds[n/2-1] + ds[n/2]) / 2
}
