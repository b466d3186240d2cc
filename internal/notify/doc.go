// Package notify tells people what happened to them, in their language: a
// transactional outbox that transitions write into in their own database
// transaction, a worker that mails the outbox with retries, and the web inbox
// where every message to an account can be read, whether or not email works.
//
// Messages are rendered from the embedded text templates in templates/
// (<template>.<locale>.tmpl, each defining "subject" and "body") when they
// are enqueued, so what was mailed and what the inbox shows are the same
// text, and a later change of a template does not rewrite history.
package notify
