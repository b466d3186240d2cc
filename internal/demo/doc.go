// Package demo loads demonstration data for `accord serve --demo`:
// organisations (several with Arabic names), active members, a conference
// with accreditation requests in several states, and one account per role.
// It is idempotent: a second start finds the data and only renews the demo
// accounts' passwords, which it prints.
package demo
