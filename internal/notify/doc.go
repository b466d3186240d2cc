// Package notify tells people what happened to them, in their language: a
// transactional outbox that transitions write into in their own database
// transaction, a worker that mails the outbox with retries, and the web inbox
// where every message to an account can be read, whether or not email works.
//
// Messages are rendered when they are enqueued, so what was mailed and what
// the inbox shows are the same text, and a later change of a template does
// not rewrite history. A message's layout is an embedded text template,
// templates/<template>.tmpl, defining "subject" and "body" the same for
// every language; its words are catalog entries (web/i18n, under
// message.<template>.…) with named placeholders, which the catalog check
// holds to English in all four languages.
package notify
