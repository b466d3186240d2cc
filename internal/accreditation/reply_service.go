package accreditation

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
)

// pendingStates are the request states in which the Conference has not
// decided yet, so the NGO may still answer an objection.
var pendingStates = []string{RequestCirculated, RequestObjected, RequestReferred}

// ReplyToObjection records the NGO's answer to an objection. Its
// organisation's applicants reply while the objection stands and the
// Conference has not decided; afterwards the record is closed (409). The
// objecting State is told.
func (s *Service) ReplyToObjection(ctx context.Context, actor accord.Actor, objectionID, text string) (*Reply, error) {
	var reply *Reply
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		// The lock orders a reply after a decision being recorded at the
		// same moment, so the reply sees the objection's final state.
		subj, r, err := s.loadObjection(ctx, tx, actor, objectionID, true)
		if err != nil {
			return err
		}
		o := subj.Value.(*Objection)
		if err := s.authz.Check(ctx, actor, KindObjection, ActionReply, &ObjectionAccess{Objection: o, Request: r}); err != nil {
			return err
		}
		text = strings.TrimSpace(text)
		var v accord.Validation
		v.Check(text != "", "text", "required")
		v.MaxChars("text", text, maxText)
		if err := v.Err(); err != nil {
			return err
		}
		if o.State != ObjectionLive || !slices.Contains(pendingStates, r.State) {
			return accord.Conflict("replies are closed: the objection is %s and the request %s", o.State, r.State)
		}
		reply = &Reply{ID: uuid.NewString(), ObjectionID: o.ID, Text: text, CreatedAt: s.now()}
		if actor.UserID != "" {
			reply.AuthorID = &actor.UserID
		}
		if err := tx.Create(reply).Error; err != nil {
			return fmt.Errorf("insert reply: %w", err)
		}
		err = audit.Append(ctx, tx, &audit.Event{
			EntityType: s.objections.Name, EntityID: o.ID, Event: "reply",
			ActorID: actor.UserID, ActorRole: string(actor.Role), Comment: text,
			RequestID: actor.RequestID, OccurredAt: reply.CreatedAt,
			Data: map[string]any{"reply_id": reply.ID, "accreditation_request_id": r.ID},
		})
		if err != nil {
			return err
		}
		if err := s.tellReply(ctx, tx, r, o, reply); err != nil {
			return err
		}
		return s.tellDesk(ctx, tx, DeskNoticeReply, r)
	})
	if err != nil {
		return nil, wrap("reply to objection", err)
	}
	return reply, nil
}

func (s *Service) tellReply(ctx context.Context, tx *gorm.DB, r *Request, o *Objection, reply *Reply) error {
	conf, err := conferenceByID(ctx, tx, r.ConferenceID)
	if err != nil {
		return err
	}
	org, err := organizationNames(tx.WithContext(ctx), r.OrganizationID)
	if err != nil {
		return err
	}
	states, err := stateParties(tx.WithContext(ctx), o.Country)
	if err != nil {
		return err
	}
	return s.tell(ctx, tx, states, "objection_reply", func(locale string) map[string]any {
		return map[string]any{
			"conference": conf.LocalTitle(locale), "code": conf.Code, "organization": org.in(locale), "text": reply.Text,
			"url": s.link("/accreditation-requests/" + r.ID + "/objections"),
		}
	})
}
