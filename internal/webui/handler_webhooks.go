package webui

import (
	"errors"
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/webhook"
)

// webhookPages are the operator's pages for webhook subscriptions: the
// list with the form to add one, and one subscription's delivery log. The
// webhook service refuses everyone but the admin.
type webhookPages struct {
	ui    *UI
	hooks *webhook.Service
}

// RegisterWebhooks adds the webhook pages. Call it after Register.
func (ui *UI) RegisterWebhooks(e *echo.Echo, hooks *webhook.Service) {
	h := webhookPages{ui: ui, hooks: hooks}
	member := ui.memberChain()
	e.GET("/webhooks", h.list, member...)
	e.POST("/webhooks", h.create, member...)
	e.GET("/webhooks/:id", h.deliveries, member...)
	e.POST("/webhooks/:id/delete", h.delete, member...)
}

type webhookListData struct {
	Hooks       []webhook.Webhook
	URL, Secret Field
	Events      ChoiceField
	Invalid     bool
}

func (h webhookPages) list(c echo.Context) error {
	return h.render(c, http.StatusOK, h.ui.newPage(c, "webhook.title"), nil)
}

// render draws the list page; picked are the events ticked on a form
// that came back with errors.
func (h webhookPages) render(c echo.Context, status int, p *Page, picked []string) error {
	hooks, err := h.hooks.List(c.Request().Context(), actorOf(c))
	if err != nil {
		return err
	}
	var choices []Choice
	for _, ev := range append([]string{"*"}, h.hooks.Events()...) {
		choices = append(choices, Choice{Value: ev, Label: ev, Lang: "en", Selected: slices.Contains(picked, ev)})
	}
	p.Data = webhookListData{
		Hooks:   hooks,
		URL:     webhookField(p, "webhook_url", "url", p.T("webhook.field_url"), p.T("webhook.hint_url")),
		Secret:  webhookField(p, "webhook_secret", "password", p.T("webhook.field_secret"), p.T("webhook.hint_secret")),
		Events:  ChoiceField{Field: webhookField(p, "webhook_events", "checkbox", p.T("webhook.field_events"), p.T("webhook.hint_events")), Choices: choices},
		Invalid: p.Form.HasErrors(),
	}
	return h.ui.render(c, status, "webhooks", p)
}

func (h webhookPages) create(c echo.Context) error {
	p := h.ui.newPage(c, "webhook.title")
	p.Form.Keep(c, "webhook_url")
	form, err := c.FormParams()
	if err != nil {
		return err
	}
	events := form["webhook_events"]
	_, err = h.hooks.Create(c.Request().Context(), actorOf(c), webhook.CreateInput{
		URL: c.FormValue("webhook_url"), Events: events, Secret: c.FormValue("webhook_secret"),
	})
	var ae *accord.Error
	if errors.As(err, &ae) && ae.Kind == accord.KindInvalid {
		for _, fe := range ae.Fields {
			p.Form.Fail("webhook_"+fe.Field, "webhook.err_"+fe.Field)
		}
		return h.render(c, http.StatusUnprocessableEntity, p, events)
	}
	if err != nil {
		return err
	}
	return redirect(c, "/webhooks?notice=webhook_added")
}

func (h webhookPages) delete(c echo.Context) error {
	if err := h.hooks.Delete(c.Request().Context(), actorOf(c), c.Param("id")); err != nil {
		return err
	}
	return redirect(c, "/webhooks?notice=webhook_removed")
}

type webhookLogData struct {
	Hook       *webhook.Webhook
	Deliveries []webhook.Delivery
}

func (h webhookPages) deliveries(c echo.Context) error {
	ctx, actor := c.Request().Context(), actorOf(c)
	hook, err := h.hooks.Get(ctx, actor, c.Param("id"))
	if err != nil {
		return err
	}
	ds, _, err := h.hooks.Deliveries(ctx, actor, hook.ID, webhook.DeliveryFilter{})
	if err != nil {
		return err
	}
	p := h.ui.newPage(c, "webhook.deliveries_title")
	p.Data = webhookLogData{Hook: hook, Deliveries: ds}
	return h.ui.render(c, http.StatusOK, "webhook_deliveries", p)
}

// webhookField describes an input of the subscription form. Its label
// and hint live under the page's own keys (webhook.*), not field.* and
// hint.* as Page.Field expects, so it is built here.
func webhookField(p *Page, name, typ, label, hint string) Field {
	f := Field{
		ID: "f-" + name, Name: name, Type: typ, Label: label, Hint: hint, Autocomplete: "off",
		Error: p.Form.errors[name], Required: true, ErrorPrefix: p.T("form.error_prefix"),
	}
	if typ != "password" {
		f.Value = p.Form.values[name]
	}
	if typ == "url" {
		f.Dir = "ltr"
	}
	describedBy(&f)
	return f
}
