package membership

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/workflow"
)

// ReconfirmWindow is how long before its anniversary a member may
// reconfirm its declarations for the coming year.
const ReconfirmWindow = 60 * 24 * time.Hour

// membershipMachine is MembershipMachine's table with its rules attached.
func (s *Service) membershipMachine() *workflow.Machine {
	return workflow.WithRules(MembershipMachine(), workflow.Rules{
		"reconfirm": {Authorize: byMember, Guard: mayReconfirm, Effect: s.afterReconfirm},
		"suspend":   {Effect: s.tellMember},
		"reinstate": {Effect: s.tellMember},
		"terminate": {Effect: s.tellMember},
		"resign":    {Authorize: byMember, Effect: s.tellMember},
		"lapse":     {Effect: s.tellMember},
	})
}

func membershipOf(f *workflow.Firing) *Membership { return f.Subject.Value.(*Membership) }

// byMember: only the member organisation's own users.
func byMember(_ context.Context, f *workflow.Firing) error {
	return byOrganization(f, membershipOf(f).OrganizationID, "member")
}

// mayReconfirm: within ReconfirmWindow of the anniversary (or once
// lapsed), and with every declaration of the profile still accepted —
// reconfirming is confirming them.
func mayReconfirm(ctx context.Context, f *workflow.Firing) error {
	m := membershipOf(f)
	if m.State == MembershipActive && f.Now.Before(m.RenewalDue.Add(-ReconfirmWindow)) {
		return accord.Invalid("the membership is not yet due for reconfirmation",
			accord.Field("renewal_due", "reconfirmation opens 60 days before this date"))
	}
	org, err := loadOrganization(ctx, f.Tx, m.OrganizationID)
	if err != nil {
		return err
	}
	var v accord.Validation
	org.Declarations.check(&v, "organization.declarations.")
	if err := v.Err(); err != nil {
		return notReady("the declarations must all be accepted to reconfirm", err)
	}
	return nil
}

// afterReconfirm moves the renewal to the next anniversary after now and
// the lapse with it.
func (s *Service) afterReconfirm(ctx context.Context, f *workflow.Firing) error {
	m := membershipOf(f)
	due := m.RenewalDue.AddDate(1, 0, 0)
	for !due.After(f.Now) {
		due = due.AddDate(1, 0, 0)
	}
	m.RenewalDue, m.LapsesAt, m.ReconfirmedAt = due, due.Add(LapseGrace), &f.Now
	err := f.Tx.Model(&Membership{}).Where("id = ?", m.ID).Updates(map[string]any{
		"renewal_due": due, "lapses_at": m.LapsesAt, "reconfirmed_at": f.Now,
	}).Error
	if err != nil {
		return fmt.Errorf("reconfirm membership %s: %w", m.ID, err)
	}
	return s.tellMember(ctx, f)
}

// tellMember writes the message about the firing's event to every user of
// the member organisation, in each one's language.
func (s *Service) tellMember(ctx context.Context, f *workflow.Firing) error {
	m := membershipOf(f)
	org, err := loadOrganization(ctx, f.Tx, m.OrganizationID)
	if err != nil {
		return err
	}
	rs, err := auth.OrganizationRecipients(ctx, f.Tx, m.OrganizationID)
	if err != nil {
		return err
	}
	return enqueueAll(ctx, f, rs, templateMembershipUpdate, map[string]any{
		"event":        f.Request.Event,
		"organization": orgName{org},
		"comment":      strings.TrimSpace(f.Request.Comment),
		"renewal_due":  m.RenewalDue.UTC().Format("2006-01-02"),
		"url":          s.link("/memberships/" + m.ID),
	})
}
