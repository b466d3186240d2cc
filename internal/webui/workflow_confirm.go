package webui

import (
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/workflow"
)

// confirmText is what the confirmation page of an irreversible event
// says: the catalog keys of its button and of what the event does.
type confirmText struct {
	Button, Text string
}

// confirmData is the confirmation page of an act that cannot be undone:
// what it does, what it concerns, and the form that does it.
type confirmData struct {
	Action string
	Text   string
	Items  []string
	Fields []hiddenField
	Button string
	Back   string
}

type hiddenField struct{ Name, Value string }

// confirmEvent sends the first post of an irreversible event to the page
// that asks again: an address of its own (GET <path>/<id>/confirm), so
// that it can be reloaded, shown in another language or left.
func (ui *UI) confirmEvent(c echo.Context, w webWorkflow, id string) error {
	form, err := c.FormParams()
	if err != nil {
		return err
	}
	q := url.Values{}
	for _, h := range formFields(form) {
		q.Add(h.Name, h.Value)
	}
	return redirect(c, w.path+"/"+id+"/confirm?"+q.Encode())
}

// confirmPage asks again before an irreversible event: its form posts
// back every field of the first form, with confirm=on.
func (ui *UI) confirmPage(col workflow.Collection, w webWorkflow) echo.HandlerFunc {
	return func(c echo.Context) error {
		id := c.Param("id")
		p := ui.newPage(c, "app.title")
		text, ok := w.confirm[c.QueryParam("event")]
		if !ok {
			return accord.NotFound("confirmation")
		}
		// Only a reader of the record is asked; others are refused as
		// the record's page refuses them.
		if _, err := col.Resource.View(c.Request().Context(), actorOf(c), id); err != nil {
			return err
		}
		back := w.path + "/" + id
		if w.home != nil {
			back = w.home(c, id)
		}
		d := confirmData{Action: w.path + "/" + id + "/transitions", Text: p.T(text.Text), Button: p.T(text.Button),
			Back: back, Fields: formFields(c.QueryParams())}
		p.Title = p.T("desk.confirm_title", "action", d.Button)
		p.Data = d
		return ui.render(c, http.StatusOK, "workflow_confirm", p)
	}
}

// needsConfirmation reports whether the event posted must be asked
// again first: it is one of the workflow's irreversible events, not yet
// confirmed, and the reader may fire it now. An event the reader may not
// fire goes straight to the engine, which refuses it with its reason.
func (ui *UI) needsConfirmation(c echo.Context, col workflow.Collection, w webWorkflow, id string, f *eventPost) (bool, error) {
	if _, ok := w.confirm[f.Event]; !ok || f.Confirmed {
		return false, nil
	}
	view, err := col.Resource.View(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return false, err
	}
	return slices.Contains(allowedEvents(view), f.Event), nil
}

// allowedEvents reads the AllowedEvents of a workflow view.
func allowedEvents(view any) []string {
	v := reflect.ValueOf(view)
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil
	}
	if f := v.FieldByName("AllowedEvents"); f.IsValid() {
		if events, ok := f.Interface().([]string); ok {
			return events
		}
	}
	return nil
}

// formFields are a posted form's fields to post again, without its CSRF
// token (the page has its own) and without the confirmation itself.
func formFields(form url.Values) []hiddenField {
	names := make([]string, 0, len(form))
	for name := range form {
		names = append(names, name)
	}
	slices.Sort(names)
	var out []hiddenField
	for _, name := range names {
		values := form[name]
		if name == "csrf_token" || name == "confirm" || name == "lang" || name == "notice" || strings.HasPrefix(name, "_") {
			continue
		}
		for _, v := range values {
			out = append(out, hiddenField{Name: name, Value: v})
		}
	}
	return out
}

// delegateHome is the page a delegate is shown on: its request's.
func (ui *UI) delegateHome(c echo.Context, id string) string {
	d, err := ui.accreditation.GetDelegate(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return "/accreditation"
	}
	return "/accreditation-requests/" + d.AccreditationRequestID + "#delegate-" + d.ID
}

// objectionHome is the page an objection is withdrawn from: the
// circulated list its request is on.
func (ui *UI) objectionHome(c echo.Context, id string) string {
	ctx, actor := c.Request().Context(), actorOf(c)
	o, err := ui.accreditation.GetObjection(ctx, actor, id)
	if err != nil {
		return "/accreditation"
	}
	r, err := ui.accreditation.GetRequest(ctx, actor, o.AccreditationRequestID)
	if err != nil {
		return "/accreditation"
	}
	if c.QueryParam("back") == "objections" {
		return "/accreditation-requests/" + r.ID + "/objections"
	}
	return "/conferences/" + r.ConferenceID + "/circulated#req-" + r.ID
}
