package auth

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// LoginFailure records one failed sign-in. The limiter counts these rows,
// so every server sharing the database enforces one common limit.
type LoginFailure struct {
	ID    int64 `gorm:"primaryKey"`
	Email string
	Addr  string
	At    time.Time
}

// TableName is login_failures.
func (LoginFailure) TableName() string { return "login_failures" }

// loginLimiter refuses sign-in attempts once an account or a client address
// has failed too often within a sliding window.
//
// Checking and recording are separate statements, so a burst of parallel
// attempts may slip a few past the limit; the limit slows guessing down, it
// does not count exactly.
type loginLimiter struct {
	db    *store.DB
	limit LoginLimit
}

// check returns a rate-limited error, with the time until the next attempt
// may succeed, when email or addr is over its limit.
func (l loginLimiter) check(ctx context.Context, email, addr string, now time.Time) error {
	wait, err := l.wait(ctx, "email", email, l.limit.PerAccount, now)
	if err != nil {
		return err
	}
	if addr != "" {
		w, err := l.wait(ctx, "addr", addr, l.limit.PerAddress, now)
		if err != nil {
			return err
		}
		wait = max(wait, w)
	}
	if wait <= 0 {
		return nil
	}
	return &accord.Error{
		Kind:       accord.KindRateLimited,
		Message:    "too many failed sign-in attempts; try again later",
		RetryAfter: wait,
	}
}

// wait is how long until fewer than limit failures of key remain in the
// window: the limit-th most recent failure is the one that must age out.
func (l loginLimiter) wait(ctx context.Context, column, key string, limit int, now time.Time) (time.Duration, error) {
	if limit <= 0 {
		return 0, nil
	}
	var at []time.Time
	err := l.db.WithContext(ctx).Model(&LoginFailure{}).
		Where(column+" = ? AND at > ?", key, now.Add(-l.limit.Window)).
		Order("at DESC").Offset(limit-1).Limit(1).
		Pluck("at", &at).Error
	if err != nil {
		return 0, fmt.Errorf("count failed sign-ins: %w", err)
	}
	if len(at) == 0 {
		return 0, nil
	}
	wait := at[0].Add(l.limit.Window).Sub(now)
	// Retry-After is sent in whole seconds; never tell a client "0".
	return max(wait.Round(time.Second), time.Second), nil
}

// fail records a failed attempt and drops failures that left the window.
func (l loginLimiter) fail(ctx context.Context, email, addr string, now time.Time) error {
	return l.db.Transaction(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&LoginFailure{Email: email, Addr: addr, At: now}).Error; err != nil {
			return fmt.Errorf("record failed sign-in: %w", err)
		}
		if err := tx.Where("at <= ?", now.Add(-l.limit.Window)).Delete(&LoginFailure{}).Error; err != nil {
			return fmt.Errorf("prune failed sign-ins: %w", err)
		}
		return nil
	})
}

// reset forgets an account's failures after it signs in successfully; the
// address's failures stay, since others may be guessing from it.
func (l loginLimiter) reset(ctx context.Context, email string) error {
	if err := l.db.WithContext(ctx).Where("email = ?", email).Delete(&LoginFailure{}).Error; err != nil {
		return fmt.Errorf("reset failed sign-ins: %w", err)
	}
	return nil
}
