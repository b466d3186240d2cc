package webui_test

import (
	"context"
	"fmt"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/membership"
)

// The membership scenarios the pages' tests start from: an applicant with
// a complete profile and a submitted application, made through the
// service, and the files its documents are. The site is in
// membership_harness_test.go.

// applicant is an applicant with a complete organisation in countryCode
// and an application at state submitted, made through the service. The
// account's language is locale, which its pages then speak.
type applicant struct {
	actor accord.Actor
	email string
	org   *membership.OrganizationView
	app   *membership.ApplicationView
}

func (s *memberSite) submittedApplication(name, nameEN, countryCode, locale string) *applicant {
	s.t.Helper()
	ctx := context.Background()
	u := s.Person(auth.CreateUserInput{Email: fmt.Sprintf("applicant%d@ngo.example", s.Next()), Name: "Applicant",
		Role: accord.RoleApplicant, Locale: locale})
	s.tokens[u.ID] = u.Token
	a := &applicant{actor: u.Actor(), email: u.Email}
	var err error
	if a.org, err = s.svc.CreateOrganization(ctx, a.actor, completeProfile(name, nameEN, countryCode)); err != nil {
		s.t.Fatalf("create organisation: %v", err)
	}
	a.actor.OrganizationID = a.org.ID
	if a.app, err = s.svc.CreateApplication(ctx, a.actor, membership.ApplicationInput{
		OrganizationID: a.org.ID, Motivation: "We work on public procurement.",
	}); err != nil {
		s.t.Fatalf("create application: %v", err)
	}
	for _, kind := range membership.RequiredDocuments {
		if _, err := s.svc.AddDocument(ctx, a.actor, a.app.ID, membership.Upload{Kind: kind, Filename: kind + ".pdf", Data: pdfFile}); err != nil {
			s.t.Fatalf("add %s: %v", kind, err)
		}
	}
	a.app = s.fire(a.actor, a.app.ID, "submit", "")
	return a
}

func completeProfile(name, nameEN, countryCode string) membership.OrganizationInput {
	year, since := 2004, 2012
	return membership.OrganizationInput{
		Name: name, NameEN: nameEN, Acronym: "TST", Country: countryCode, City: "Cairo",
		RegistrationNumber: "REG-" + nameEN, RegistrationAuthority: "Ministry of Social Solidarity",
		YearFounded: &year, Website: "https://ngo.example.org", Email: "office@ngo.example.org",
		Areas: []string{"procurement"}, UNCACChapters: []string{"II", "V"},
		EcosocStatus: membership.EcosocSpecial, EcosocSince: &since,
		Declarations: membership.Declarations{NonProfit: true, IndependentOfGovernment: true, NotPoliticalParty: true, AdheresToValues: true},
	}
}

// Minimal files: a PDF the service accepts by its content, and a Windows
// executable that only its name calls a PDF.
var (
	pdfFile = []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	exeFile = []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00This program cannot be run in DOS mode.")
)
