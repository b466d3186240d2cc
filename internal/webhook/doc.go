// Package webhook tells other systems (a CRM, a website's member map, a
// mailing list) about state changes as they happen (docs/domain.md,
// Webhooks; docs/api.md, Webhooks).
//
// The operator subscribes a URL to events named after a machine and the
// state a record reached ("membership_application.approved",
// "delegate.checked_in", "membership.*"). The workflow engine calls
// Service.AfterFire inside every transition's transaction, which writes one
// delivery per matching subscription to an outbox table: a delivery exists
// if and only if the change committed. The Worker posts due deliveries,
// signed with the subscription's secret, retries failures with backoff for
// more than a day, keeps the deliveries of one resource in order, logs
// every attempt, and refuses receivers on private addresses unless the
// operator allows them.
package webhook
