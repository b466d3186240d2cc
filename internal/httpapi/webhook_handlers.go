package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/webhook"
)

type webhookHandlers struct{ hooks *webhook.Service }

// RegisterWebhookRoutes adds the operator's webhook subscriptions and their
// delivery log (docs/api.md, Webhooks).
func (s *Server) RegisterWebhookRoutes(hooks *webhook.Service) {
	h := webhookHandlers{hooks: hooks}
	const tag = "webhooks"
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/webhooks", Tag: tag, Auth: true,
		Summary: "Subscribe a URL to events (admin): events are \"*\", \"<record>.*\" or \"<record>.<state>\" " +
			"such as membership_application.approved; the secret (16 to 256 characters) signs every delivery and is never returned",
		Request: SchemaOf[webhook.CreateInput]("WebhookInput"), Response: SchemaOf[webhook.Webhook]("Webhook"),
		Status: http.StatusCreated, Handler: h.create,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/webhooks", Tag: tag, Auth: true,
		Summary:  "The webhook subscriptions (admin), oldest first",
		Response: SchemaOf[Page[webhook.Webhook]]("WebhookPage"), Handler: h.list,
	})
	s.Handle(Operation{
		Method: http.MethodDelete, Path: "/webhooks/:id", Tag: tag, Auth: true,
		Summary: "Remove a subscription (admin) with its pending deliveries and its log",
		Status:  http.StatusNoContent, Handler: h.delete,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/webhooks/:id/deliveries", Tag: tag, Auth: true,
		Summary:  "A subscription's deliveries (admin), newest first, each with its attempts: time, status code, error",
		Query:    listParams,
		Response: SchemaOf[Page[webhook.Delivery]]("WebhookDeliveryPage"), Handler: h.deliveries,
	})
}

func (h webhookHandlers) create(c echo.Context) error {
	var in webhook.CreateInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	w, err := h.hooks.Create(c.Request().Context(), actor(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, w)
}

func (h webhookHandlers) list(c echo.Context) error {
	ws, err := h.hooks.List(c.Request().Context(), actor(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newPage(ws, ""))
}

func (h webhookHandlers) delete(c echo.Context) error {
	if err := h.hooks.Delete(c.Request().Context(), actor(c), c.Param("id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (h webhookHandlers) deliveries(c echo.Context) error {
	limit, err := queryLimit(c)
	if err != nil {
		return err
	}
	ds, next, err := h.hooks.Deliveries(c.Request().Context(), actor(c), c.Param("id"),
		webhook.DeliveryFilter{Limit: limit, Cursor: c.QueryParam("cursor")})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newPage(ds, next))
}
