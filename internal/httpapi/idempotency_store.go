package httpapi

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm/clause"

	"github.com/accord-coalition/accord/internal/accord"
)

// idempotencyRecord is a row of idempotency_keys (migration 00005).
type idempotencyRecord struct {
	Owner       string `gorm:"primaryKey"`
	Key         string `gorm:"primaryKey"`
	Method      string
	Path        string
	RequestHash string
	Status      int // 0 while the first request is being handled
	ContentType string
	Body        []byte // sealed; see sealer
	CreatedAt   time.Time
	CompletedAt *time.Time
}

func (idempotencyRecord) TableName() string { return "idempotency_keys" }

const whereOwnerKey = `owner = ? AND "key" = ?`

// claim inserts rec as in flight and returns nil, or returns the record that
// already holds the key. A record past its lifetime, or abandoned in
// flight, is deleted and the key claimed afresh. The insert is the guard:
// of two concurrent requests with one key exactly one inserts.
func (i *idempotency) claim(ctx context.Context, rec *idempotencyRecord) (*idempotencyRecord, error) {
	for range 3 {
		res := i.db.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(rec)
		if res.Error != nil {
			return nil, fmt.Errorf("claim idempotency key: %w", res.Error)
		}
		if res.RowsAffected == 1 {
			return nil, nil
		}
		var prior idempotencyRecord
		err := i.db.WithContext(ctx).Where(whereOwnerKey, rec.Owner, rec.Key).Limit(1).Find(&prior).Error
		if err != nil {
			return nil, fmt.Errorf("load idempotency key: %w", err)
		}
		if prior.Owner == "" {
			continue // deleted meanwhile: claim again
		}
		age := rec.CreatedAt.Sub(prior.CreatedAt)
		if age < idempotencyTTL && (prior.Status != 0 || age < idempotencyAbandoned) {
			return &prior, nil
		}
		// Delete only the row seen, not one another request just claimed.
		err = i.db.WithContext(ctx).Where(whereOwnerKey+" AND created_at = ?", prior.Owner, prior.Key, prior.CreatedAt).
			Delete(&idempotencyRecord{}).Error
		if err != nil {
			return nil, fmt.Errorf("expire idempotency key: %w", err)
		}
	}
	return nil, accord.Conflict("A request with this Idempotency-Key is still being processed; retry in a moment.")
}

// complete stores the first answer under the claimed key.
func (i *idempotency) complete(ctx context.Context, rec *idempotencyRecord, status int, contentType string, body []byte) error {
	now := i.now().UTC().Truncate(time.Microsecond)
	err := i.db.WithContext(ctx).Model(&idempotencyRecord{}).
		Where(whereOwnerKey+" AND created_at = ?", rec.Owner, rec.Key, rec.CreatedAt).
		Updates(map[string]any{"status": status, "content_type": contentType, "body": body, "completed_at": now}).Error
	if err != nil {
		return fmt.Errorf("store idempotent response: %w", err)
	}
	return nil
}

// release frees a claimed key whose answer is not to be replayed.
func (i *idempotency) release(ctx context.Context, rec *idempotencyRecord) {
	err := i.db.WithContext(ctx).Where(whereOwnerKey+" AND created_at = ? AND status = 0", rec.Owner, rec.Key, rec.CreatedAt).
		Delete(&idempotencyRecord{}).Error
	if err != nil {
		i.log.Error("release idempotency key", "error", err)
	}
}

// pruneOld deletes keys past their lifetime, at most once every ten
// minutes per server, on the way through a request that uses a key.
func (i *idempotency) pruneOld(ctx context.Context) {
	now := i.now()
	i.mu.Lock()
	due := now.Sub(i.prune) >= pruneEvery
	if due {
		i.prune = now
	}
	i.mu.Unlock()
	if !due {
		return
	}
	cutoff := now.UTC().Add(-idempotencyTTL)
	if err := i.db.WithContext(ctx).Where("created_at < ?", cutoff).Delete(&idempotencyRecord{}).Error; err != nil {
		i.log.Warn("prune idempotency keys", "error", err)
	}
}
