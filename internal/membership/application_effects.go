package membership

import (
	"context"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/workflow"
)

// Effects run in the transition's transaction after the engine has moved
// the state: whatever they write (the reviewer, deadlines, a membership,
// messages) commits with the transition and its audit event, or not at all.

// afterSubmit fixes the region from the organisation's country as it is
// now, and tells the applicant and the region's coordinators.
func (s *Service) afterSubmit(ctx context.Context, f *workflow.Firing) error {
	a := applicationOf(f)
	org, err := loadOrganization(ctx, f.Tx, a.OrganizationID)
	if err != nil {
		return err
	}
	a.Region = org.Region
	if err := setApplication(ctx, f.Tx, a.ID, map[string]any{"region": org.Region, "submitted_at": f.Now}); err != nil {
		return err
	}
	if err := s.tellApplicant(ctx, f, org, nil); err != nil {
		return err
	}
	coordinators, err := auth.RegionCoordinators(ctx, f.Tx, org.Region)
	if err != nil {
		return err
	}
	if len(coordinators) == 0 {
		// Not an error for the applicant; the secretariat sees every queue.
		s.log.WarnContext(ctx, "no coordinator to tell of a submission", "region", org.Region, "application_id", a.ID)
	}
	return s.tellStaff(ctx, f, org, coordinators)
}

// afterClaim makes the claimant the reviewer.
func (s *Service) afterClaim(ctx context.Context, f *workflow.Firing) error {
	return setApplication(ctx, f.Tx, applicationOf(f).ID, map[string]any{"reviewer_id": f.Actor.UserID})
}

// afterRecuse bars the user from the organisation for good and puts the
// application back in the queue without a reviewer.
func (s *Service) afterRecuse(ctx context.Context, f *workflow.Firing) error {
	a := applicationOf(f)
	err := recordRecusal(ctx, f.Tx, &Recusal{
		OrganizationID: a.OrganizationID, UserID: f.Actor.UserID, ApplicationID: &a.ID,
		Reason: f.Request.Comment, CreatedAt: f.Now,
	})
	if err != nil {
		return err
	}
	return setApplication(ctx, f.Tx, a.ID, map[string]any{"reviewer_id": nil})
}

// afterRequestInfo sets the response deadline, after which the engine
// expires the application, and sends the reviewer's questions.
func (s *Service) afterRequestInfo(ctx context.Context, f *workflow.Firing) error {
	a := applicationOf(f)
	deadline := f.Now.Add(s.cfg.ResponsePeriod)
	if err := setApplication(ctx, f.Tx, a.ID, map[string]any{"response_deadline": deadline}); err != nil {
		return err
	}
	return s.tellApplicantOf(ctx, f, &deadline)
}

// afterRespond lifts the response deadline and tells the reviewer.
func (s *Service) afterRespond(ctx context.Context, f *workflow.Firing) error {
	a := applicationOf(f)
	if err := setApplication(ctx, f.Tx, a.ID, map[string]any{"response_deadline": nil}); err != nil {
		return err
	}
	org, err := loadOrganization(ctx, f.Tx, a.OrganizationID)
	if err != nil {
		return err
	}
	if err := s.tellApplicant(ctx, f, org, nil); err != nil {
		return err
	}
	if a.ReviewerID == nil {
		return nil
	}
	reviewer, ok, err := auth.UserRecipient(ctx, f.Tx, *a.ReviewerID)
	if err != nil || !ok {
		return err
	}
	return s.tellStaff(ctx, f, org, []recipient{reviewer})
}

// afterApproval (approve, overturn) makes the organisation an active
// member.
func (s *Service) afterApproval(ctx context.Context, f *workflow.Firing) error {
	a := applicationOf(f)
	m, err := startMembership(ctx, f.Tx, f.Actor, a, f.Now)
	if err != nil {
		return err
	}
	f.AuditData = map[string]any{"membership_id": m.ID}
	if err := setApplication(ctx, f.Tx, a.ID, map[string]any{"decided_at": f.Now}); err != nil {
		return err
	}
	return s.tellApplicantOf(ctx, f, nil)
}

// afterReject opens the appeal period and sends the reasons.
func (s *Service) afterReject(ctx context.Context, f *workflow.Firing) error {
	a := applicationOf(f)
	deadline := f.Now.Add(s.cfg.AppealPeriod)
	if err := setApplication(ctx, f.Tx, a.ID, map[string]any{"decided_at": f.Now, "appeal_deadline": deadline}); err != nil {
		return err
	}
	return s.tellApplicantOf(ctx, f, &deadline)
}

// afterAppeal acknowledges the appeal and tells the secretariat, who
// decide it.
func (s *Service) afterAppeal(ctx context.Context, f *workflow.Firing) error {
	org, err := loadOrganization(ctx, f.Tx, applicationOf(f).OrganizationID)
	if err != nil {
		return err
	}
	if err := s.tellApplicant(ctx, f, org, nil); err != nil {
		return err
	}
	judges, err := auth.RoleRecipients(ctx, f.Tx, accord.RoleSecretariat)
	if err != nil {
		return err
	}
	return s.tellStaff(ctx, f, org, judges)
}

// afterDecision (uphold, withdraw, expire) records a final decision's
// time and tells the applicant.
func (s *Service) afterDecision(ctx context.Context, f *workflow.Firing) error {
	if f.To == AppRejectedFinal {
		if err := setApplication(ctx, f.Tx, applicationOf(f).ID, map[string]any{"decided_at": f.Now}); err != nil {
			return err
		}
	}
	return s.tellApplicantOf(ctx, f, nil)
}
