package accreditation

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/workflow"
)

// MaxScanBatch is the most scans one batch carries; a door offline for a
// morning queues a few hundred.
const MaxScanBatch = 1000

// maxDeviceChars bounds the name a door gives itself ("hall-a", or a name
// in Arabic), in characters.
const maxDeviceChars = 100

// Scan is one badge read at a door while it may have been offline: the
// token or the typed code, when the door read it, and which door.
type Scan struct {
	Token     string    `json:"token,omitempty"`
	Code      string    `json:"code,omitempty"`
	ScannedAt time.Time `json:"scanned_at"`
	Device    string    `json:"device"`
}

// ScanResult answers one scan of a batch (docs/api.md, The door): 201 the
// scan recorded the check-in, 409 the badge was already in (checked_in_at
// is then the earliest scan's time), 422 the badge is not valid here.
type ScanResult struct {
	Index       int          `json:"index"`
	Status      int          `json:"status"`
	CheckedInAt *time.Time   `json:"checked_in_at,omitempty"`
	DelegateID  string       `json:"delegate_id,omitempty"`
	Delegate    *BadgeHolder `json:"delegate,omitempty"`
	Error       string       `json:"error,omitempty"`
}

// checkinScan is a scan as kept: its answer is given again when a door
// sends it again, so a retried batch is answered as the first time.
type checkinScan struct {
	ID           string
	ConferenceID string
	DelegateID   string
	Device       string
	ScannedAt    time.Time
	Status       int
	ReceivedAt   time.Time
	CreatedBy    *string
}

func (checkinScan) TableName() string { return "checkin_scans" }

// CheckInBatch records the scans a door queued, each in its own
// transaction so that one bad badge stops no other. The earliest scan of a
// badge is the check-in: a scan synced later but made earlier moves the
// recorded time back, and is itself answered as a duplicate.
func (s *Service) CheckInBatch(ctx context.Context, actor accord.Actor, scans []Scan) ([]ScanResult, error) {
	if err := s.authz.Check(ctx, actor, KindCheckin, auth.ActionCreate, nil); err != nil {
		return nil, err
	}
	if len(scans) > MaxScanBatch {
		return nil, accord.Invalid("the batch is too large", accord.Field("items", fmt.Sprintf("at most %d scans a batch", MaxScanBatch)))
	}
	out := make([]ScanResult, len(scans))
	for i, sc := range scans {
		res, err := s.recordScan(ctx, actor, sc)
		if err != nil {
			if accord.KindOf(err) == accord.KindInternal {
				return nil, wrap("check in batch", err)
			}
			res = ScanResult{Status: http.StatusUnprocessableEntity, Error: scanError(err)}
		}
		res.Index = i
		out[i] = res
	}
	return out, nil
}

// recordScan records one scan; a conflict with a concurrent scan of the
// same badge is tried once more, when the badge is in and the scan a
// duplicate.
func (s *Service) recordScan(ctx context.Context, actor accord.Actor, sc Scan) (ScanResult, error) {
	scan := strings.TrimSpace(sc.Token)
	if scan == "" {
		scan = strings.TrimSpace(sc.Code)
	}
	var v accord.Validation
	v.Check(scan != "", "token", "a token or a code is required")
	v.Check(!sc.ScannedAt.IsZero(), "scanned_at", "is required")
	v.MaxChars("device", sc.Device, maxDeviceChars)
	if err := v.Err(); err != nil {
		return ScanResult{}, err
	}
	now := s.now()
	at := sc.ScannedAt.UTC().Truncate(time.Microsecond)
	if at.After(now) {
		// A door's clock running fast must not put a check-in in the future.
		at = now
	}
	var res ScanResult
	var err error
	for range 2 {
		err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
			res, err = s.recordScanTx(ctx, tx, actor, scan, sc.Device, at, now)
			return err
		})
		if accord.KindOf(err) != accord.KindConflict {
			break
		}
	}
	if err != nil {
		return ScanResult{}, err
	}
	return res, nil
}

func (s *Service) recordScanTx(ctx context.Context, tx *gorm.DB, actor accord.Actor, scan, device string, at, now time.Time) (ScanResult, error) {
	check, d, err := s.checkScan(ctx, tx, actor, scan)
	if err != nil {
		return ScanResult{}, err
	}
	r, err := requestByID(ctx, tx, d.AccreditationRequestID)
	if err != nil {
		return ScanResult{}, err
	}
	res := ScanResult{DelegateID: d.ID, Delegate: check.Delegate}
	var seen checkinScan
	err = tx.WithContext(ctx).Where("delegate_id = ? AND device = ? AND scanned_at = ?", d.ID, device, at).Limit(1).Find(&seen).Error
	if err != nil {
		return ScanResult{}, fmt.Errorf("earlier scan: %w", err)
	}
	if seen.ID != "" {
		res.Status, res.CheckedInAt = seen.Status, d.CheckedInAt
		return res, nil
	}
	if d.State == DelegateBadgeIssued {
		if _, err := s.engine.Fire(ctx, tx, s.delegates, actor, d.WorkflowSubject(), workflow.Request{Event: "check_in"}); err != nil {
			return ScanResult{}, err
		}
		res.Status = http.StatusCreated
	} else {
		res.Status = http.StatusConflict
	}
	// The check-in is the earliest scan, wherever and whenever it synced.
	earlier := tx.WithContext(ctx).Model(&Delegate{}).Where("id = ?", d.ID)
	if res.Status == http.StatusConflict {
		earlier = earlier.Where("(checked_in_at IS NULL OR checked_in_at > ?)", at)
	}
	if err := earlier.UpdateColumn("checked_in_at", at).Error; err != nil {
		return ScanResult{}, fmt.Errorf("check-in time: %w", err)
	}
	var by *string
	if actor.UserID != "" {
		by = &actor.UserID
	}
	row := checkinScan{
		ID: uuid.NewString(), ConferenceID: r.ConferenceID, DelegateID: d.ID, Device: device,
		ScannedAt: at, Status: res.Status, ReceivedAt: now, CreatedBy: by,
	}
	if err := tx.WithContext(ctx).Create(&row).Error; err != nil {
		return ScanResult{}, fmt.Errorf("record scan: %w", err)
	}
	var after Delegate
	if err := tx.WithContext(ctx).Select("checked_in_at").Take(&after, "id = ?", d.ID).Error; err != nil {
		return ScanResult{}, fmt.Errorf("check-in time: %w", err)
	}
	res.CheckedInAt = after.CheckedInAt
	return res, nil
}

// scanError says why a scan was refused, for the door that made it.
func scanError(err error) string {
	var e *accord.Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	msg := e.Message
	for _, f := range e.Fields {
		msg += "; " + f.Field + ": " + f.Message
	}
	return msg
}
