package workflow

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/accord-coalition/accord/internal/accord"
)

// MaxBulkItems caps one bulk transition (docs/api.md, The secretariat's
// desk): enough for a conference's participants in one go, small enough
// that the request ends in seconds.
const MaxBulkItems = 500

// BulkInput is one event fired on many records of a collection, each at
// the version the client read.
type BulkInput struct {
	Event   string     `json:"event"`
	Comment string     `json:"comment"`
	Items   []BulkItem `json:"items"`
}

// BulkItem names one record and the version read.
type BulkItem struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
}

// Check refuses an empty or oversized batch and a missing event before
// anything is fired.
func (in BulkInput) Check() error {
	var v accord.Validation
	v.Check(strings.TrimSpace(in.Event) != "", "event", "required")
	v.Check(len(in.Items) > 0, "items", "required: at least one record")
	v.Check(len(in.Items) <= MaxBulkItems, "items",
		fmt.Sprintf("at most %d records at once; this batch has %d, split it", MaxBulkItems, len(in.Items)))
	return v.Err()
}

// BulkOutcome is what became of one item: the record as View returns it
// after the event, or the refusal.
type BulkOutcome struct {
	ID   string
	View any
	Err  error
}

// State and Version read the record's new state and version from the
// view, when the view is of a workflow entity.
func (o BulkOutcome) State() (string, int) {
	if e, ok := o.View.(Entity); ok && o.Err == nil && !isNilPointer(o.View) {
		s := e.WorkflowSubject()
		return s.State, s.Version
	}
	return "", 0
}

// FireEach fires in's event on every item through the collection's
// resource, one after the other. Each firing is the resource's own: its
// own transaction, its own authorisation and its own audit event, so one
// refusal (a stale version, a guard) stops no other. ctx ending stops the
// batch; the items not reached say so.
func FireEach(ctx context.Context, actor accord.Actor, col Collection, in BulkInput) ([]BulkOutcome, error) {
	if err := in.Check(); err != nil {
		return nil, err
	}
	out := make([]BulkOutcome, 0, len(in.Items))
	for _, it := range in.Items {
		if err := ctx.Err(); err != nil {
			out = append(out, BulkOutcome{ID: it.ID, Err: fmt.Errorf("bulk transition stopped: %w", err)})
			continue
		}
		body := col.NewBody()
		setTransition(body, TransitionInput{Event: in.Event, Comment: in.Comment, Version: it.Version})
		view, err := col.Resource.Fire(ctx, actor, it.ID, body)
		out = append(out, BulkOutcome{ID: it.ID, View: view, Err: err})
	}
	return out, nil
}

// setTransition puts t into a body from Collection.NewBody: a
// *TransitionInput, or a pointer to a type embedding one.
func setTransition(b Body, t TransitionInput) {
	if p, ok := b.(*TransitionInput); ok {
		*p = t
		return
	}
	v := reflect.ValueOf(b)
	if v.Kind() == reflect.Pointer {
		if f := v.Elem().FieldByName("TransitionInput"); f.IsValid() && f.CanSet() {
			f.Set(reflect.ValueOf(t))
		}
	}
}

func isNilPointer(v any) bool {
	r := reflect.ValueOf(v)
	return r.Kind() == reflect.Pointer && r.IsNil()
}
