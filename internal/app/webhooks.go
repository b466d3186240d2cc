package app

import (
	"context"

	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/webhook"
	"github.com/accord-coalition/accord/internal/workflow"
)

// Collections lists every workflow as the transports serve it.
func (a *App) Collections() []workflow.Collection {
	var cs []workflow.Collection
	cs = append(cs, a.Membership.Collections()...)
	return append(cs, a.Accreditation.Collections()...)
}

// webhooksAfterFire is the engine's hook into the webhooks: every
// transition enqueues its deliveries in its own transaction. The engine
// is built before the webhook service, which needs the machines; the
// service is in place before anything fires.
func (a *App) webhooksAfterFire(ctx context.Context, f *workflow.Firing, r workflow.Result) error {
	return a.Webhooks.AfterFire(ctx, f, r)
}

func (a *App) buildWebhooks() error {
	var err error
	a.Webhooks, err = webhook.NewService(a.DB, a.Authz, webhook.Config{
		SecretKey: a.Config.SecretKey, AllowPrivate: a.Config.WebhookAllowPrivate,
		APIBase: a.Config.BaseURL + httpapi.APIPrefix, Collections: a.Collections,
		Now: a.Now, Logger: a.Logger,
	})
	return err
}
