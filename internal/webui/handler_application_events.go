package webui

import (
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
)

// membershipWorkflows are the hooks of the application's and the
// membership's event forms. A form keeps its text under the event's own
// name (request_info_comment), so that among a page's many forms the one
// sent shows it again.
func (ui *UI) membershipWorkflows() map[string]webWorkflow {
	return map[string]webWorkflow{
		membership.CollectionApplications: {
			path: "/applications", title: "app.title", upload: true,
			before: ui.beforeApplicationEvent,
			done:   memberDone("/applications"),
			refused: func(c echo.Context, id string, f *eventPost, err error) error {
				return ui.memberRefused(c, f, err, "app.title", "app.stale", func(status int, p *Page, why error) error {
					return ui.showApplication(c, status, p, id, why)
				})
			},
		},
		membership.CollectionMemberships: {
			path: "/memberships", title: "membership.title",
			before: func(c echo.Context, id string, f *eventPost) error {
				checkMemberForm(f)
				return nil
			},
			done: memberDone("/memberships"),
			refused: func(c echo.Context, id string, f *eventPost, err error) error {
				return ui.memberRefused(c, f, err, "membership.title", "membership.stale", func(status int, p *Page, _ error) error {
					return ui.showMembership(c, status, p, id)
				})
			},
		},
	}
}

// checkMemberForm keeps the comment to show again and marks an event that
// must be confirmed, sent without its box ticked.
func checkMemberForm(f *eventPost) {
	f.Page.Form.Set(f.Event+"_comment", f.Comment)
	if slices.Contains(memberConfirmed, f.Event) && !f.Confirmed {
		f.Page.Form.Fail(f.Event+"_confirm", "err.confirm_required")
	}
}

// beforeApplicationEvent checks an answer's text first: a blank answer
// must not leave a document behind on an application still awaiting one.
func (ui *UI) beforeApplicationEvent(c echo.Context, id string, f *eventPost) error {
	checkMemberForm(f)
	if f.Event != "respond" {
		return nil
	}
	p := f.Page
	p.Form.Keep(c, "respond_kind")
	if strings.TrimSpace(f.Comment) == "" {
		p.Form.Fail("respond_comment", "err.required")
		return nil
	}
	status, err := ui.attach(c, p, id, "respond_", false)
	if err != nil {
		return err
	}
	if p.Form.HasErrors() {
		f.Status = status
	}
	return nil
}

// memberDone returns to the record's page with the event's notice.
func memberDone(path string) func(echo.Context, string, *eventPost, any) (string, error) {
	return func(_ echo.Context, id string, f *eventPost, _ any) (string, error) {
		return path + "/" + id + "?notice=" + membershipNotice(f.Event), nil
	}
}

// memberRefused shows a refusal on the record's page: a stale form (409)
// shows the record as it now is, with staleKey saying so; the submit
// guard's refusal is shown as the checklist; a blank required text is
// marked beside its field.
func (ui *UI) memberRefused(c echo.Context, f *eventPost, err error, titleKey, staleKey string, show func(status int, p *Page, why error) error) error {
	p := f.Page
	switch {
	case err == nil:
		return show(f.Status, p, nil)
	case accord.KindOf(err) == accord.KindConflict:
		p = ui.newPage(c, titleKey)
		p.Form.FailGeneral(staleKey)
		return show(http.StatusConflict, p, nil)
	case f.Event == "submit" && accord.KindOf(err) == accord.KindInvalid:
		p.Form.FailGeneral("app.not_ready")
		return show(http.StatusUnprocessableEntity, p, err)
	case p.Form.showErrorsAs(err, f.Event+"_", f.Event+"_comment"):
		return show(statusOf(err), p, nil)
	}
	return err
}

// membershipNotice is the notice confirming an event on the page it
// leads back to.
func membershipNotice(event string) string {
	if _, ok := notices["event_"+event]; ok {
		return "event_" + event
	}
	return "event_done"
}

// addNote records a reviewers' internal note.
func (ui *UI) addNote(c echo.Context) error {
	id := c.Param("id")
	p := ui.newPage(c, "app.title")
	p.Form.Keep(c, "note_text")
	_, err := ui.members.AddNote(c.Request().Context(), actorOf(c), id, c.FormValue("note_text"))
	if err == nil {
		return redirect(c, "/applications/"+id+"?notice=note_added")
	}
	if !p.Form.showErrorsAs(err, "note_", "note_text") {
		return err
	}
	return ui.showApplication(c, statusOf(err), p, id, nil)
}
