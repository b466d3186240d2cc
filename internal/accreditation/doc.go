// Package accreditation holds conferences and the accreditation of NGOs to
// them under rule 17: requests, circulation to States parties, objections
// with grounds and replies, the Conference's decisions, delegates, badges
// and check-in, and the public transparency report.
//
// Service holds the rules. It attaches its guards and effects to the
// declarative machines of request_workflow.go (RequestMachine,
// ObjectionMachine, DelegateMachine), and the program registers the
// machines Service.Machines returns with the one workflow engine, so that
// a deadline fired by the engine's tick runs the same effects as a
// transition fired by a person. Policies for the Authorizer are in
// policy.go; every service method asks it about every object.
//
// Visa support letters are PDF documents; they are produced with the
// other PDF exports (which shape Arabic), from each delegate's
// needs_visa_letter and the conference's title, dates and venue, the
// passport number coming from Service.PassportNumber, which audits every
// reading.
package accreditation
