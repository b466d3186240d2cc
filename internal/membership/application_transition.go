package membership

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/workflow"
)

// TransitionInput is the one body of every transition request.
type TransitionInput = workflow.TransitionInput

// FireApplication fires an event on an application through the
// engine: 404 if the actor may not see it, 403 if it may not fire the
// event, 409 from a state the event does not leave or at a stale version,
// 422 when a guard refuses or a required comment is blank. The state
// change, the effects and the audit event commit together.
func (s *Service) FireApplication(ctx context.Context, actor accord.Actor, id string, in TransitionInput) (*ApplicationView, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	var a *Application
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		var err error
		if a, err = s.visibleApplication(ctx, s.forUpdate(tx, "membership_applications"), actor, id); err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindApplication, ActionTransition, a); err != nil {
			return err
		}
		if err := in.Check(); err != nil {
			return err
		}
		_, err = s.engine.Fire(ctx, tx, s.applications, actor, a.WorkflowSubject(), in.Request())
		return err
	})
	if store.IsDuplicate(err) {
		// The one-open-application index caught a race the guard could not.
		return nil, accord.Conflict("the organisation has another open application")
	}
	if err != nil {
		return nil, wrap("application transition", err)
	}
	s.log.InfoContext(ctx, "application transition", "application_id", id, "event", in.Event, "by", actor.UserID)
	return s.GetApplication(ctx, actor, id)
}

// ApplicationHistory is the application's timeline as the actor may see
// it: reviewers see every event and note; the applicant sees the public
// events with their messages, and never internal notes or internal events.
func (s *Service) ApplicationHistory(ctx context.Context, actor accord.Actor, id string) ([]workflow.HistoryEntry, error) {
	db, a, err := read(ctx, s, actor, id, s.visibleApplication)
	if err != nil {
		return nil, err
	}
	internal := s.authz.Can(ctx, actor, KindApplication, ActionReview, a)
	events, err := workflow.History(ctx, db, s.applications, a.ID, internal)
	if err != nil {
		return nil, wrap("application history", err)
	}
	return workflow.Entries(s.applications, events, entryOptions(internal)), nil
}

// AddNote records a reviewers' internal note on an application. Notes are
// audit events, so they are as immutable as the decisions they explain,
// and, not being transitions, the applicant's timeline never shows them.
func (s *Service) AddNote(ctx context.Context, actor accord.Actor, id, text string) (*workflow.HistoryEntry, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	text = strings.TrimSpace(text)
	var ev *audit.Event
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		a, err := s.visibleApplication(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindApplication, ActionReview, a); err != nil {
			return err
		}
		var v accord.Validation
		v.Check(text != "", "text", "required")
		v.MaxChars("text", text, workflow.MaxCommentLength)
		if err := v.Err(); err != nil {
			return err
		}
		ev = &audit.Event{
			EntityType: KindApplication, EntityID: a.ID, Event: EventNote,
			ActorID: actor.UserID, ActorRole: string(actor.Role), Comment: text,
			RequestID: actor.RequestID, OccurredAt: s.now(),
		}
		return audit.Append(ctx, tx, ev)
	})
	if err != nil {
		return nil, wrap("add note", err)
	}
	e := workflow.Entry(s.applications, *ev, entryOptions(true))
	return &e, nil
}
