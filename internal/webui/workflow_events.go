package webui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/workflow"
)

// eventPost is an event form as posted. Every workflow's forms carry the
// same fields: event, comment, version, and back (which page the form
// stood on) and confirm (a ticked box) where the page has them.
type eventPost struct {
	Event, Comment, Back string
	Version              int
	Confirmed            bool
	// Page is the page a refusal is shown on; hooks mark its form.
	Page *Page
	// Status is the status to answer when before marked the form.
	Status int
	// Body, when before sets it, is what is fired: the event with the
	// payload its form carries (a delegate's replacement).
	Body workflow.Body
}

// webWorkflow is what one workflow's event forms do differently: the
// hooks of the one handler, fireEvent. A workflow without hooks is served
// at /<collection>/<id>/transitions, returns to /<collection>/<id> and
// shows a refusal as an error page.
type webWorkflow struct {
	// path is where the records' pages are, "/applications"; default
	// "/" + the collection's name.
	path string
	// title is the catalog key of the page a refusal is shown on.
	title string
	// upload lets the forms carry a document (multipart, a larger body).
	upload bool
	// before checks the event's own fields before it is fired; it marks
	// f.Page's form (and f.Status) or returns an error for an error page.
	before func(c echo.Context, id string, f *eventPost) error
	// done is where the reader goes once the event fired, with the
	// notice to show there; view is the record as Fire returned it.
	done func(c echo.Context, id string, f *eventPost, view any) (string, error)
	// refused shows the form again with err (nil when before marked it),
	// or returns err when it belongs on an error page.
	refused func(c echo.Context, id string, f *eventPost, err error) error
}

// workflows are the web's hooks, by collection.
func (ui *UI) workflows() map[string]webWorkflow {
	out := map[string]webWorkflow{}
	if ui.members != nil {
		for k, w := range ui.membershipWorkflows() {
			out[k] = w
		}
	}
	if ui.accreditation != nil {
		for k, w := range ui.accreditationWorkflows() {
			out[k] = w
		}
	}
	return out
}

// collections are the workflows of the services the pages were given.
func (ui *UI) collections() []workflow.Collection {
	var out []workflow.Collection
	if ui.members != nil {
		out = append(out, ui.members.Collections()...)
	}
	if ui.accreditation != nil {
		out = append(out, ui.accreditation.Collections()...)
	}
	return out
}

// registerWorkflowForms adds POST <path>/:id/transitions, the one address
// every workflow's event forms post to.
func (ui *UI) registerWorkflowForms(e *echo.Echo, member, upload []echo.MiddlewareFunc) {
	hooks := ui.workflows()
	for _, col := range ui.collections() {
		w := hooks[col.Name]
		if w.path == "" {
			w.path = "/" + col.Name
		}
		mw := member
		if w.upload {
			mw = upload
		}
		e.POST(w.path+"/:id/transitions", ui.fireEvent(col, w), mw...)
	}
}

// fireEvent fires the event of one of a record's forms through the
// collection's resource, then returns to the page the form was on; a
// refusal is shown there, beside the field it is about.
func (ui *UI) fireEvent(col workflow.Collection, w webWorkflow) echo.HandlerFunc {
	title := w.title
	if title == "" {
		title = "app.title"
	}
	return func(c echo.Context) error {
		id := c.Param("id")
		f := readEventPost(c, ui.newPage(c, title))
		if w.before != nil {
			if err := w.before(c, id, f); err != nil {
				return err
			}
			if f.Page.Form.HasErrors() {
				if f.Status == 0 {
					f.Status = http.StatusUnprocessableEntity
				}
				return ui.refuse(c, w, id, f, nil)
			}
		}
		body := f.Body
		if body == nil {
			body = &workflow.TransitionInput{Event: f.Event, Comment: f.Comment, Version: f.Version}
		}
		view, err := col.Resource.Fire(c.Request().Context(), actorOf(c), id, body)
		if err != nil {
			return ui.refuse(c, w, id, f, err)
		}
		to := w.path + "/" + id + "?notice=event_done"
		if w.done != nil {
			if to, err = w.done(c, id, f, view); err != nil {
				return err
			}
		}
		return redirect(c, to)
	}
}

func (ui *UI) refuse(c echo.Context, w webWorkflow, id string, f *eventPost, err error) error {
	if w.refused == nil {
		if err == nil {
			return accord.Invalid("the form is incomplete")
		}
		return err
	}
	return w.refused(c, id, f, err)
}

// readEventPost reads the fields every event form may carry.
func readEventPost(c echo.Context, p *Page) *eventPost {
	version, _ := strconv.Atoi(strings.TrimSpace(c.FormValue("version")))
	return &eventPost{
		Event: strings.TrimSpace(c.FormValue("event")), Comment: c.FormValue("comment"),
		Back: c.FormValue("back"), Version: version, Confirmed: c.FormValue("confirm") == "on",
		Page: p,
	}
}
