package membership

import (
	"context"
	"strings"
	"time"

	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/notify"
	"github.com/accord-coalition/accord/internal/workflow"
)

type recipient = notify.Recipient

// mailTime is how instants are written in messages: unambiguous to every
// reader, whatever the language.
const mailTime = "2006-01-02 15:04 UTC"

// Message templates (internal/notify/templates).
const (
	// templateApplicationUpdate tells the applicant of a public event.
	templateApplicationUpdate = "application_update"
	// templateApplicationAttention asks staff to act: a submission for the
	// region's coordinators, an answer for the reviewer, an appeal for the
	// secretariat.
	templateApplicationAttention = "application_attention"
	// templateMembershipUpdate tells a member of a change of its membership.
	templateMembershipUpdate = "membership_update"
)

// applicationPage is the web page of an application, for links in messages.
func (s *Service) applicationPage(id string) string { return s.link("/applications/" + id) }

// tellApplicantOf loads the organisation and tells its users of the event.
func (s *Service) tellApplicantOf(ctx context.Context, f *workflow.Firing, deadline *time.Time) error {
	org, err := loadOrganization(ctx, f.Tx, applicationOf(f).OrganizationID)
	if err != nil {
		return err
	}
	return s.tellApplicant(ctx, f, org, deadline)
}

// tellApplicant writes the message about the firing's event to every user
// of the organisation, each in its own language, in the transition's
// transaction. The comment is part of it: the reviewer's questions, the
// reasons of a decision.
func (s *Service) tellApplicant(ctx context.Context, f *workflow.Firing, org *Organization, deadline *time.Time) error {
	rs, err := auth.OrganizationRecipients(ctx, f.Tx, org.ID)
	if err != nil {
		return err
	}
	data := map[string]any{
		"event":        f.Request.Event,
		"organization": orgName{org},
		"comment":      strings.TrimSpace(f.Request.Comment),
		"deadline":     "",
		"url":          s.applicationPage(f.Subject.ID),
	}
	if deadline != nil {
		data["deadline"] = deadline.UTC().Format(mailTime)
	}
	return enqueueAll(ctx, f, rs, templateApplicationUpdate, data)
}

// tellStaff asks staff to act on the firing's event.
func (s *Service) tellStaff(ctx context.Context, f *workflow.Firing, org *Organization, rs []recipient) error {
	place, region, err := placeOf(ctx, f.Tx, org)
	if err != nil {
		return err
	}
	return enqueueAll(ctx, f, rs, templateApplicationAttention, map[string]any{
		"event":        f.Request.Event,
		"organization": orgName{org},
		"country":      place,
		"region":       region,
		"comment":      strings.TrimSpace(f.Request.Comment),
		"url":          s.applicationPage(f.Subject.ID),
	})
}

// enqueueAll writes the message to each recipient, in each one's
// language: values of data that have a name per language (a country, a
// region, an organisation) are named in it.
func enqueueAll(ctx context.Context, f *workflow.Firing, rs []recipient, template string, data map[string]any) error {
	for _, r := range rs {
		if err := notify.Enqueue(ctx, f.Tx, r, template, namedIn(r.Locale, data)); err != nil {
			return err
		}
	}
	return nil
}
