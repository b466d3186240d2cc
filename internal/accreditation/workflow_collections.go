package accreditation

import (
	"context"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/workflow"
)

// The path segments of accreditation's workflows, in the API and on the
// web.
const (
	CollectionRequests   = "accreditation-requests"
	CollectionObjections = "objections"
	CollectionDelegates  = "delegates"
)

// Collections returns accreditation's workflows as the transports serve
// them: requests, objections and delegates, each with its transitions and
// history.
func (s *Service) Collections() []workflow.Collection {
	return []workflow.Collection{
		{
			Name: CollectionRequests, Machine: s.requests, Resource: workflow.Methods(s.GetRequest, s.FireRequest, s.RequestHistory),
			Doc: workflow.CollectionDoc{
				Tag: "accreditation",
				Summary: "Fire an event of the accreditation machine; the comment of object is its grounds, " +
					"of conference_admit and conference_deny the decision's reference",
				View: RequestView{}, ViewName: "AccreditationRequest", Name: "accreditation request",
			},
		},
		{
			Name: CollectionObjections, Machine: s.objections, Resource: workflow.Methods(s.GetObjection, s.FireObjection, s.ObjectionHistory),
			Doc: workflow.CollectionDoc{
				Tag: "accreditation", Summary: "Withdraw an objection (its State, before the deadline)",
				View: ObjectionView{}, ViewName: "Objection", Name: "objection",
				ViewSummary: "One objection with its grounds and replies",
			},
		},
		{
			Name: CollectionDelegates, Machine: s.delegates, Resource: delegateResource{s},
			Body: DelegateTransitionInput{},
			Doc: workflow.CollectionDoc{
				Tag:     "delegates",
				Summary: "Fire confirm, issue_badge, check_in, replace (with the replacement's nomination) or cancel",
				View:    DelegateView{}, ViewName: "Delegate", BodyName: "DelegateTransition", Name: "delegate",
			},
		},
	}
}

// ObjectionHistory is an objection's timeline as the actor may see it:
// the secretariat sees every event, who acted and the facts kept with it;
// others see what happened and when.
func (s *Service) ObjectionHistory(ctx context.Context, actor accord.Actor, id string) ([]workflow.HistoryEntry, error) {
	return s.history(ctx, actor, s.objections, id, func(tx *gorm.DB) error {
		_, _, err := s.loadObjection(ctx, tx, actor, id, false)
		return err
	})
}

// DelegateHistory is a delegate's timeline as the actor may see it, with
// the same rule as ObjectionHistory.
func (s *Service) DelegateHistory(ctx context.Context, actor accord.Actor, id string) ([]workflow.HistoryEntry, error) {
	return s.history(ctx, actor, s.delegates, id, func(tx *gorm.DB) error {
		_, _, err := s.loadDelegate(ctx, tx, actor, id)
		return err
	})
}

// history reads m's timeline of id once visible says the actor may see
// the record.
func (s *Service) history(ctx context.Context, actor accord.Actor, m *workflow.Machine, id string, visible func(tx *gorm.DB) error) ([]workflow.HistoryEntry, error) {
	var out []workflow.HistoryEntry
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if err := visible(tx); err != nil {
			return err
		}
		staff := actor.Is(accord.RoleSecretariat)
		events, err := workflow.History(ctx, tx, m, id, staff)
		if err != nil {
			return err
		}
		out = workflow.Entries(m, events, workflow.EntryOptions{Staff: staff, Data: staff})
		return nil
	})
	if err != nil {
		return nil, wrap(m.Name+" history", err)
	}
	return out, nil
}

// delegateResource serves delegates as a workflow.Resource; replace
// carries the replacement's nomination in a DelegateTransitionInput.
type delegateResource struct{ s *Service }

func (r delegateResource) View(ctx context.Context, actor accord.Actor, id string) (any, error) {
	return r.s.GetDelegate(ctx, actor, id)
}

func (r delegateResource) Fire(ctx context.Context, actor accord.Actor, id string, in workflow.Body) (any, error) {
	d, ok := in.(*DelegateTransitionInput)
	if !ok {
		d = &DelegateTransitionInput{TransitionInput: in.Transition()}
	}
	return r.s.FireDelegate(ctx, actor, id, *d)
}

func (r delegateResource) History(ctx context.Context, actor accord.Actor, id string) ([]workflow.HistoryEntry, error) {
	return r.s.DelegateHistory(ctx, actor, id)
}
