// Package membership holds organisations, their membership applications
// and memberships: the records, the rules (Service), the application and
// membership machines with the guards and effects the Service attaches,
// the documents applicants attach (stored behind DocumentStorage), the
// reviewers' recusals, and the public directory of active members.
//
// It knows nothing of HTTP: internal/httpapi parses requests, calls one
// Service method and renders its answer or its *accord.Error.
package membership
