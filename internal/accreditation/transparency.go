package accreditation

import (
	"context"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/auth"
)

// Transparency is the public report of how a conference's accreditation
// went (docs/api.md, Transparency). Each count is a number of requests,
// counted by what happened to them as the audit trail records it — not by
// the state they are in now, since objected and referred are passing
// states and an admitted request may later be revoked:
//
//   - requests: submitted at least once (drafts never submitted are not
//     requests to the Conference);
//   - admitted: reached accredited by any path — directly for ECOSOC
//     status, unopposed at the deadline, or by the Conference's decision —
//     including those revoked since;
//   - admitted_ecosoc: admitted directly for ECOSOC status (admit_ecosoc);
//   - circulated: put on a list circulated to the States parties;
//   - objected: objected to by at least one State, even if every
//     objection was withdrawn later;
//   - referred: referred to the Conference at the deadline because an
//     objection stood;
//   - admitted_after_objection: objected to and nevertheless admitted,
//     by the Conference or because the objections were withdrawn;
//   - denied: denied by the Conference;
//   - withdrawn: withdrawn by the organisation;
//   - revoked: admitted, then revoked.
//
// objecting_states lists, only where the conference names objecting
// States, the States with an objection that stood (not withdrawn).
type Transparency struct {
	ConferenceID           string    `json:"conference_id"`
	Code                   string    `json:"code"`
	Requests               int       `json:"requests"`
	Admitted               int       `json:"admitted"`
	AdmittedEcosoc         int       `json:"admitted_ecosoc"`
	Circulated             int       `json:"circulated"`
	Objected               int       `json:"objected"`
	Referred               int       `json:"referred"`
	AdmittedAfterObjection int       `json:"admitted_after_objection"`
	Denied                 int       `json:"denied"`
	Withdrawn              int       `json:"withdrawn"`
	Revoked                int       `json:"revoked"`
	ObjectingStates        *[]string `json:"objecting_states,omitempty"`
}

// TransparencyReport computes a conference's public report. Anyone may
// read it; it names no organisation.
func (s *Service) TransparencyReport(ctx context.Context, actor accord.Actor, conferenceID string) (*Transparency, error) {
	var t *Transparency
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		conf, err := findConference(tx.WithContext(ctx), conferenceID)
		if err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindConference, auth.ActionReadPublic, conf); err != nil {
			return err
		}
		var ids []string
		if err := tx.Model(&Request{}).Where("conference_id = ?", conf.ID).Pluck("id", &ids).Error; err != nil {
			return fmt.Errorf("requests: %w", err)
		}
		happened, err := s.eventsByRequest(ctx, tx, ids)
		if err != nil {
			return err
		}
		t = &Transparency{ConferenceID: conf.ID, Code: conf.Code}
		for _, h := range happened {
			t.count(h)
		}
		if conf.NameObjectingStates {
			states := []string{}
			err := tx.Model(&Objection{}).Distinct("country").
				Where("accreditation_request_id IN (?)", tx.Model(&Request{}).Select("id").Where("conference_id = ?", conf.ID)).
				Where("state <> ?", ObjectionWithdrawn).Order("country").Pluck("country", &states).Error
			if err != nil {
				return fmt.Errorf("objecting states: %w", err)
			}
			t.ObjectingStates = &states
		}
		return nil
	})
	if err != nil {
		return nil, wrap("transparency report", err)
	}
	return t, nil
}

// history is what happened to one request: each event fired on it, and
// the states it reached.
type history struct {
	events  []string
	reached []string
}

func (h history) did(event string) bool      { return slices.Contains(h.events, event) }
func (h history) reachedState(s string) bool { return slices.Contains(h.reached, s) }

func (t *Transparency) count(h history) {
	add := func(n *int, ok bool) {
		if ok {
			*n++
		}
	}
	admitted := h.reachedState(RequestAccredited)
	add(&t.Requests, h.did("submit"))
	add(&t.Admitted, admitted)
	add(&t.AdmittedEcosoc, h.did("admit_ecosoc"))
	add(&t.Circulated, h.did("circulate"))
	add(&t.Objected, h.did("object"))
	add(&t.Referred, h.reachedState(RequestReferred))
	add(&t.AdmittedAfterObjection, h.did("object") && admitted)
	add(&t.Denied, h.did("conference_deny"))
	add(&t.Withdrawn, h.did("withdraw"))
	add(&t.Revoked, h.did("revoke"))
}

// eventsByRequest reads the transitions of the given requests from the
// audit trail, a chunk of ids per query to stay within the engines'
// parameter limits.
func (s *Service) eventsByRequest(ctx context.Context, tx *gorm.DB, ids []string) (map[string]history, error) {
	out := make(map[string]history, len(ids))
	for chunk := range slices.Chunk(ids, 500) {
		var events []audit.Event
		err := tx.WithContext(ctx).Select("entity_id", "event", "to_state").
			Where("entity_type = ? AND entity_id IN ?", s.requests.Name, chunk).
			Order("seq").Find(&events).Error
		if err != nil {
			return nil, fmt.Errorf("request events: %w", err)
		}
		for _, ev := range events {
			h := out[ev.EntityID]
			h.events = append(h.events, ev.Event)
			if ev.ToState != "" {
				h.reached = append(h.reached, ev.ToState)
			}
			out[ev.EntityID] = h
		}
	}
	return out, nil
}
