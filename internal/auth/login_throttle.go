package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// LoginThrottle counts the sign-in attempts of one key (an account and
// address pair, an address, or an account) in a fixed window. Every server
// sharing the database shares the counts.
type LoginThrottle struct {
	Key         string `gorm:"primaryKey"`
	WindowStart time.Time
	Attempts    int
}

// TableName is login_throttle.
func (LoginThrottle) TableName() string { return "login_throttle" }

// loginThrottle limits password guessing without ever locking the owner
// out (docs/domain.md "Accounts"):
//
//   - per account and address, and per address, attempts are reserved
//     before the password is checked, in one transaction whose upserts lock
//     the counters' rows: however many requests arrive at once, at most the
//     limit of them reach the password check;
//   - per account across addresses, failures only slow guessing down: once
//     an account has failed AccountSlowdown times in the window, an address
//     gets one attempt on it per window. An address that has not tried the
//     account is never refused because of others' guesses.
//
// A success gives its reservation back, so the owner's own sign-ins never
// count against them.
type loginThrottle struct {
	db    *store.DB
	limit LoginLimit
}

// reservation is the attempt a sign-in holds while its password is checked.
type reservation struct {
	pair, addr string
}

// The keys: an address has no space and a checked email neither, so a
// space separates the pair's parts unambiguously.
func pairKey(email, addr string) string { return "p:" + email + " " + addr }
func addrKey(addr string) string        { return "a:" + addr }
func accountKey(email string) string    { return "u:" + email }

// errThrottled carries the wait out of the reserving transaction, whose
// work it undoes.
type errThrottled struct{ wait time.Duration }

func (e errThrottled) Error() string { return "throttled" }

// reserve takes one attempt for email from addr, or returns a rate-limited
// error saying how long to wait. addr may be empty (a password check with
// no client address, such as changing one's password).
func (l loginThrottle) reserve(ctx context.Context, email, addr string, now time.Time) (reservation, error) {
	r := reservation{pair: pairKey(email, addr)}
	if addr != "" {
		r.addr = addrKey(addr)
	}
	err := l.db.Transaction(ctx, func(tx *gorm.DB) error {
		pair, err := l.take(tx, r.pair, l.limit.PerAccount, now)
		if err != nil {
			return err
		}
		if r.addr != "" {
			if _, err := l.take(tx, r.addr, l.limit.PerAddress, now); err != nil {
				return err
			}
		}
		if pair.Attempts > 1 && l.limit.AccountSlowdown > 0 {
			// This address has tried the account already in this window:
			// if the account is being guessed at, one attempt is its share.
			acc, err := l.count(tx, accountKey(email), now)
			if err != nil {
				return err
			}
			if acc.Attempts >= l.limit.AccountSlowdown {
				return errThrottled{wait: l.wait(pair, now)}
			}
		}
		return nil
	})
	var th errThrottled
	if errors.As(err, &th) {
		return reservation{}, &accord.Error{
			Kind:       accord.KindRateLimited,
			Message:    "too many failed sign-in attempts; try again later",
			RetryAfter: th.wait,
		}
	}
	if err != nil {
		return reservation{}, fmt.Errorf("reserve a sign-in attempt: %w", err)
	}
	return r, nil
}

// take counts one more attempt of key, starting a new window when the old
// one has run out, and refuses (errThrottled) past limit. The upsert locks
// the row until the transaction ends, which is what serialises a burst.
func (l loginThrottle) take(tx *gorm.DB, key string, limit int, now time.Time) (LoginThrottle, error) {
	var row LoginThrottle
	if limit <= 0 {
		return row, nil
	}
	cutoff := now.Add(-l.limit.Window)
	err := tx.Raw(`INSERT INTO login_throttle (key, window_start, attempts) VALUES (?, ?, 1)
ON CONFLICT (key) DO UPDATE SET
  attempts = CASE WHEN login_throttle.window_start <= ? THEN 1 ELSE login_throttle.attempts + 1 END,
  window_start = CASE WHEN login_throttle.window_start <= ? THEN ? ELSE login_throttle.window_start END
RETURNING key, window_start, attempts`, key, now, cutoff, cutoff, now).Scan(&row).Error
	if err != nil {
		return row, fmt.Errorf("count sign-in attempt: %w", err)
	}
	if row.Attempts > limit {
		return row, errThrottled{wait: l.wait(row, now)}
	}
	return row, nil
}

// count reads key's attempts in the current window without adding one.
func (l loginThrottle) count(tx *gorm.DB, key string, now time.Time) (LoginThrottle, error) {
	var rows []LoginThrottle
	err := tx.Where("key = ? AND window_start > ?", key, now.Add(-l.limit.Window)).Limit(1).Find(&rows).Error
	if err != nil || len(rows) == 0 {
		return LoginThrottle{}, err
	}
	return rows[0], nil
}

// wait is how long until row's window ends; Retry-After is sent in whole
// seconds, and never as "0".
func (l loginThrottle) wait(row LoginThrottle, now time.Time) time.Duration {
	return max(row.WindowStart.Add(l.limit.Window).Sub(now).Round(time.Second), time.Second)
}

// succeeded gives the reservation back: the owner's sign-ins do not count
// against the address, and the pair starts afresh.
func (l loginThrottle) succeeded(ctx context.Context, r reservation) error {
	db := l.db.WithContext(ctx)
	if err := db.Model(&LoginThrottle{}).Where("key = ?", r.pair).Update("attempts", 0).Error; err != nil {
		return fmt.Errorf("release sign-in attempt: %w", err)
	}
	if r.addr != "" {
		err := db.Model(&LoginThrottle{}).Where("key = ? AND attempts > 0", r.addr).
			Update("attempts", gorm.Expr("attempts - 1")).Error
		if err != nil {
			return fmt.Errorf("release sign-in attempt: %w", err)
		}
	}
	return nil
}

// failed keeps the reservation and counts a failure of the account across
// addresses; it also drops counters whose window has long run out.
func (l loginThrottle) failed(ctx context.Context, email string, now time.Time) error {
	return l.db.Transaction(ctx, func(tx *gorm.DB) error {
		err := tx.Exec(`INSERT INTO login_throttle (key, window_start, attempts) VALUES (?, ?, 1)
ON CONFLICT (key) DO UPDATE SET
  attempts = CASE WHEN login_throttle.window_start <= ? THEN 1 ELSE login_throttle.attempts + 1 END,
  window_start = CASE WHEN login_throttle.window_start <= ? THEN ? ELSE login_throttle.window_start END`,
			accountKey(email), now, now.Add(-l.limit.Window), now.Add(-l.limit.Window), now).Error
		if err != nil {
			return fmt.Errorf("count failed sign-in: %w", err)
		}
		if err := tx.Where("window_start <= ?", now.Add(-2*l.limit.Window)).Delete(&LoginThrottle{}).Error; err != nil {
			return fmt.Errorf("prune sign-in counters: %w", err)
		}
		return nil
	})
}

// forget clears an account's counters, for when its owner has proved the
// address by a reset link.
func (l loginThrottle) forget(tx *gorm.DB, email string) error {
	like := "p:" + store.EscapeLike(email) + " %"
	if err := tx.Where(`key = ? OR key LIKE ? ESCAPE '\'`, accountKey(email), like).Delete(&LoginThrottle{}).Error; err != nil {
		return fmt.Errorf("clear sign-in counters: %w", err)
	}
	return nil
}
