package webui

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

type inboxData struct {
	Pager
	Unread   int
	Messages []messageView
}

type messageView struct {
	ID, Subject, Body string
	CreatedAt         time.Time
	CreatedISO        string
	Unread            bool
}

// inbox shows the messages sent to the signed-in user, newest first: the
// same text that was mailed, readable when mail does not arrive.
func (ui *UI) inbox(c echo.Context) error {
	ctx, actor := c.Request().Context(), actorOf(c)
	p := ui.newPage(c, "inbox.title")
	msgs, next, err := ui.auth.Inbox(ctx, actor, pageSize, c.QueryParam("cursor"))
	if err != nil {
		return err
	}
	unread, err := ui.auth.UnreadCount(ctx, actor)
	if err != nil {
		return err
	}
	d := inboxData{Pager: newPager(c, next), Unread: int(unread)}
	for _, m := range msgs {
		d.Messages = append(d.Messages, messageView{
			ID: m.ID, Subject: m.Subject, Body: m.Body,
			CreatedAt: m.CreatedAt, CreatedISO: m.CreatedAt.UTC().Format(time.RFC3339),
			Unread: m.ReadAt == nil,
		})
	}
	p.Data = d
	return ui.render(c, http.StatusOK, "inbox", p)
}

// markRead marks one message read and goes back to the inbox.
func (ui *UI) markRead(c echo.Context) error {
	if err := ui.auth.MarkRead(c.Request().Context(), actorOf(c), c.Param("id")); err != nil {
		return err
	}
	return redirect(c, "/inbox")
}
