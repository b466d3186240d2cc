package membership

import (
	"context"
	"slices"
	"strings"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/workflow"
)

// The Authorize functions below answer "may this person act on this
// application?" with 403; the Guards answer "is the application ready for
// this event?" with 422. Whether the person may see the application at all
// (404) was settled by ApplicationPolicy before the machine was asked.

// byApplicant: only the applicant organisation's own users.
func byApplicant(_ context.Context, f *workflow.Firing) error {
	return byOrganization(f, applicationOf(f).OrganizationID, "applicant")
}

// byOrganization lets only the users of organisation orgID fire the
// event; who names the organisation's part in the refusal.
func byOrganization(f *workflow.Firing, orgID, who string) error {
	if f.Actor.OrganizationID == "" || f.Actor.OrganizationID != orgID {
		return accord.Forbidden("only the %s organisation may %s", who, f.Request.Event)
	}
	return nil
}

// mayClaim: the secretariat, or a coordinator of the application's region,
// who has not recused from the organisation.
func mayClaim(ctx context.Context, f *workflow.Firing) error {
	a := applicationOf(f)
	if f.Actor.Is(accord.RoleCoordinator) && !f.Actor.CoversRegion(a.Region) {
		return accord.Forbidden("only a coordinator of %s may claim this application", a.Region)
	}
	return notRecused(ctx, f, a)
}

// mayRecuse: from under_review only the reviewer (anyone else would take
// the application from the reviewer); from submitted a coordinator of the
// region. Recusing twice from one organisation means nothing.
func mayRecuse(ctx context.Context, f *workflow.Firing) error {
	a := applicationOf(f)
	reviewer := isReviewer(f.Actor, a)
	switch {
	case a.State == AppUnderReview && !reviewer:
		return accord.Forbidden("only the reviewer may recuse from an application under review")
	case !reviewer && !(f.Actor.Is(accord.RoleCoordinator) && f.Actor.CoversRegion(a.Region)):
		return accord.Forbidden("only the reviewer or a coordinator of %s may recuse", a.Region)
	}
	recused, err := hasRecused(ctx, f.Tx, a.OrganizationID, f.Actor.UserID)
	if err != nil {
		return err
	}
	if recused {
		return accord.Forbidden("you have already recused from this organisation")
	}
	return nil
}

// byReviewer: the reviewer who claimed the application, or the
// secretariat — unless that person has recused from the organisation.
func byReviewer(ctx context.Context, f *workflow.Firing) error {
	a := applicationOf(f)
	if !isReviewer(f.Actor, a) && !f.Actor.Is(accord.RoleSecretariat) {
		return accord.Forbidden("only the reviewer or the secretariat may %s", f.Request.Event)
	}
	return notRecused(ctx, f, a)
}

// byAppealJudge: an appeal is decided by the secretariat, never by the
// reviewer whose decision is appealed.
func byAppealJudge(ctx context.Context, f *workflow.Firing) error {
	a := applicationOf(f)
	if isReviewer(f.Actor, a) {
		return accord.Forbidden("the original reviewer may not decide the appeal")
	}
	return notRecused(ctx, f, a)
}

func isReviewer(actor accord.Actor, a *Application) bool {
	return a.ReviewerID != nil && actor.UserID != "" && *a.ReviewerID == actor.UserID
}

func notRecused(ctx context.Context, f *workflow.Firing, a *Application) error {
	recused, err := hasRecused(ctx, f.Tx, a.OrganizationID, f.Actor.UserID)
	if err != nil {
		return err
	}
	if recused {
		return accord.Forbidden("you have recused from this organisation")
	}
	return nil
}

// readyToSubmit: the profile is complete, the declarations accepted, the
// required documents attached, a motivation given, and no other
// application of the organisation is open. Every shortcoming is listed at
// once, so the applicant fixes them in one go.
func (s *Service) readyToSubmit(ctx context.Context, f *workflow.Firing) error {
	a := applicationOf(f)
	org, err := loadOrganization(ctx, f.Tx, a.OrganizationID)
	if err != nil {
		return err
	}
	var v accord.Validation
	v.Check(strings.TrimSpace(a.Motivation) != "", "motivation", "required to submit")
	org.checkComplete(&v)
	docs, err := documentsOf(ctx, f.Tx, []string{a.ID})
	if err != nil {
		return err
	}
	for _, kind := range RequiredDocuments {
		has := slices.ContainsFunc(docs[a.ID], func(d Document) bool { return d.Kind == kind })
		v.Check(has, "documents."+kind, "attach the "+kind+" document")
	}
	other, err := otherOpenApplication(ctx, f.Tx, a.OrganizationID, a.ID)
	if err != nil {
		return err
	}
	v.Check(other == "", "organization_id", "the organisation has another open application")
	if err := v.Err(); err != nil {
		return notReady("the application is not ready to submit", err)
	}
	return nil
}

// mayAppeal: before the appeal deadline, and only if the organisation has
// not opened another application meanwhile.
func mayAppeal(ctx context.Context, f *workflow.Firing) error {
	a := applicationOf(f)
	if a.AppealDeadline == nil || !f.Now.Before(*a.AppealDeadline) {
		return accord.Invalid("the appeal deadline has passed",
			accord.Field("appeal_deadline", "appeals were accepted until this instant"))
	}
	other, err := otherOpenApplication(ctx, f.Tx, a.OrganizationID, a.ID)
	if err != nil {
		return err
	}
	if other != "" {
		return accord.Invalid("the organisation has another open application",
			accord.Field("organization_id", "withdraw the other application first"))
	}
	return nil
}

// notYetMember: an organisation holds one membership; one that is active,
// suspended or lapsed is not approved again.
func notYetMember(ctx context.Context, f *workflow.Firing) error {
	m, err := membershipOfOrganization(ctx, f.Tx, applicationOf(f).OrganizationID)
	if err != nil {
		return err
	}
	if m != nil && m.live() {
		return accord.Invalid("the organisation is already a member",
			accord.Field("organization_id", "holds a membership that is "+m.State))
	}
	return nil
}

// notReady rewords a validation error's message, keeping its fields.
func notReady(message string, err error) error {
	if e, ok := err.(*accord.Error); ok {
		return accord.Invalid(message, e.Fields...)
	}
	return err
}
