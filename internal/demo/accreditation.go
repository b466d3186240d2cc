package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/auth"
)

// Accreditation is what the demo needs of the accreditation service. The
// demo's requests go through the real machine, so their history, the
// audit trail and the transparency report agree with their states.
type Accreditation interface {
	CreateRequest(ctx context.Context, actor accord.Actor, conferenceID string, in accreditation.CreateRequestInput) (*accreditation.RequestView, error)
	FireRequest(ctx context.Context, actor accord.Actor, id string, in accreditation.TransitionInput) (*accreditation.RequestView, error)
	CirculateScreened(ctx context.Context, actor accord.Actor, conferenceID string, in accreditation.CirculationInput) (*accreditation.CirculationView, error)
	LodgeObjection(ctx context.Context, actor accord.Actor, requestID, grounds string) (*accreditation.ObjectionView, error)
	Nominate(ctx context.Context, actor accord.Actor, requestID string, in accreditation.DelegateInput) (*accreditation.DelegateView, error)
}

// driveRequests files the demo organisations' requests and moves them
// through the machine as their staff and the secretariat would. It runs
// once: a conference that already has requests is left alone.
func driveRequests(ctx context.Context, accr Accreditation, secretariat, objector accord.Actor, staff map[string]accord.Actor) error {
	fire := func(actor accord.Actor, r *accreditation.RequestView, event, comment string) (*accreditation.RequestView, error) {
		next, err := accr.FireRequest(ctx, actor, r.ID, accreditation.TransitionInput{Event: event, Comment: comment, Version: r.Version})
		if err != nil {
			return nil, fmt.Errorf("demo request %s: %s: %w", r.OrganizationID, event, err)
		}
		return next, nil
	}
	requests := map[string]*accreditation.RequestView{}
	for _, st := range steps {
		applicant := staff[st.org]
		r, err := accr.CreateRequest(ctx, applicant, conferenceID, accreditation.CreateRequestInput{
			OrganizationID: st.org, EcosocStatus: st.ecosoc,
			Motivation: "Our work on the Convention's implementation review is directly relevant to the Conference.",
		})
		if err != nil {
			return fmt.Errorf("demo request %s: %w", st.org, err)
		}
		if st.submit {
			if r, err = fire(applicant, r, "submit", ""); err != nil {
				return err
			}
		}
		for _, ev := range st.events {
			comment := ""
			if ev == "request_changes" {
				comment = "Please attach your latest activity report."
			}
			if r, err = fire(secretariat, r, ev, comment); err != nil {
				return err
			}
		}
		requests[st.org] = r
	}
	if _, err := accr.CirculateScreened(ctx, secretariat, conferenceID, accreditation.CirculationInput{}); err != nil {
		return fmt.Errorf("demo circulation: %w", err)
	}
	// One State objects, with its grounds, so that the NGO has something
	// to answer and the States' focal points something to read.
	if _, err := accr.LodgeObjection(ctx, objector, requests[orgJordan].ID,
		"The organisation's registration is under review by the authorities of its country."); err != nil {
		return fmt.Errorf("demo objection: %w", err)
	}
	for _, org := range clearedAfterCirculation {
		if _, err := fire(secretariat, requests[org], "clear", ""); err != nil {
			return err
		}
	}
	return nominateDelegates(ctx, accr, staff, requests)
}

// staffAccounts gives every demo organisation with a request a member of
// staff to file it. The printed applicant accounts serve their own
// organisations; the others get accounts whose passwords nobody knows.
func staffAccounts(ctx context.Context, users Users, printed map[string]accord.Actor) (map[string]accord.Actor, error) {
	staff := map[string]accord.Actor{}
	for org, a := range printed {
		staff[org] = a
	}
	for _, o := range organizations {
		if _, ok := staff[o.ID]; ok || !slices.ContainsFunc(steps, func(s step) bool { return s.org == o.ID }) {
			continue
		}
		u, err := users.EnsureUser(ctx, auth.CreateUserInput{
			Email: "staff." + strings.ToLower(o.Acronym) + "@demo.accord.example", Name: o.NameEN + " staff",
			Role: accord.RoleApplicant, Locale: "en", Password: newPassword(),
		}, o.ID)
		if err != nil {
			return nil, fmt.Errorf("demo staff of %s: %w", o.NameEN, err)
		}
		staff[o.ID] = u.Actor()
	}
	return staff, nil
}
