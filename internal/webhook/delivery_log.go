package webhook

import (
	"context"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/store"
)

// DeliveryFilter pages a subscription's delivery log.
type DeliveryFilter struct {
	Limit  int
	Cursor string
}

// Deliveries returns a subscription's deliveries, newest first, each with
// its attempts, and the cursor of the next page ("" at the end).
func (s *Service) Deliveries(ctx context.Context, actor accord.Actor, webhookID string, f DeliveryFilter) ([]Delivery, string, error) {
	if err := s.authz.Check(ctx, actor, Kind, auth.ActionRead, nil); err != nil {
		return nil, "", err
	}
	db := s.db.WithContext(ctx)
	if _, err := s.load(ctx, db, webhookID); err != nil {
		return nil, "", err
	}
	at, id, ok, err := store.DecodeTimeCursor(f.Cursor)
	if err != nil {
		return nil, "", err
	}
	limit := store.Limit(f.Limit)
	q := db.Where("webhook_id = ?", webhookID)
	if ok {
		q = q.Where("created_at < ? OR (created_at = ? AND id < ?)", at, at, id)
	}
	var ds []Delivery
	if err := q.Order("created_at DESC, id DESC").Limit(limit + 1).Find(&ds).Error; err != nil {
		return nil, "", wrapDB("list deliveries", err)
	}
	ds, next := store.TrimPage(ds, limit, func(d Delivery) string { return store.TimeCursor(d.CreatedAt, d.ID) })
	if len(ds) == 0 {
		return ds, next, nil
	}
	ids := make([]string, len(ds))
	byID := make(map[string]*Delivery, len(ds))
	for i := range ds {
		ids[i] = ds[i].ID
		byID[ds[i].ID] = &ds[i]
		ds[i].Attempts = []Attempt{}
	}
	var as []Attempt
	if err := db.Where("delivery_id IN ?", ids).Order("attempted_at, id").Find(&as).Error; err != nil {
		return nil, "", wrapDB("list attempts", err)
	}
	for _, a := range as {
		byID[a.DeliveryID].Attempts = append(byID[a.DeliveryID].Attempts, a)
	}
	return ds, next, nil
}
