// Package auth holds the people who use Accord and how they prove who they
// are: users and their regions, argon2id passwords, short-lived signed access
// tokens, rotating refresh tokens, email verification and invitations, the
// login rate limiter, and the Authorizer — the one place every service asks
// whether an actor may do something to an object.
//
// It knows nothing of HTTP: handlers hand it strings and get back users,
// token pairs, actors and *accord.Error values.
package auth
