package webui

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
)

// accreditationMessages translate the accreditation service's field
// messages, English sentences for API clients, into catalog keys. They
// are matched by field ("" for any) and by how the message starts, since
// several carry a date or a number; the first match wins.
var accreditationMessages = []struct{ field, prefix, key string }{
	{"grounds", "required", "err.grounds_required"},
	{"max_delegates", "must be from", "err.max_delegates_range"},
	{"objection_period_days", "must be from", "err.objection_period_range"},
	{"objection_deadline", "must be later than now", "err.deadline_past"},
	{"objection_deadline", "must not be earlier than", "err.deadline_short"},
	{"objection_deadline", "passed at", "err.objection_period_over"},
	{"accreditation_window", "", "err.window_closed"},
	{"ecosoc_status", "the organisation's profile records none", "err.no_ecosoc_status"},
	{"accreditation_request_id", "the maximum of delegates", "err.max_delegates_reached"},
	{"accreditation_request_id", "the request is", "err.not_accredited"},
	{"nomination_cutoff_at", "nominations closed", "err.nominations_closed"},
	{"conference_id", "clear submitted requests first", "err.nothing_to_circulate"},
	{"token", "", "err.badge_invalid"},
	{"", "required", "err.required"},
	{"", "at most", "err.too_long"},
	{"", "in Latin script", "err.latin_script"},
	{"", "5 to 20 letters and digits", "err.passport_number"},
	{"", "the passport expires before", "err.passport_expiry"},
	{"", "not an email address", "err.email_invalid"},
	{"", "must not be before starts_on", "err.ends_before_start"},
	{"", "must be after accreditation_opens_at", "err.closes_before_opens"},
	{"", "must be before the conference ends", "err.cutoff_after_end"},
	{"", "1 to 32 letters", "err.code_invalid"},
}

// accreditationMessageKey is the catalog key for a service's field error.
func accreditationMessageKey(field, message string) string {
	base := field[strings.LastIndex(field, ".")+1:]
	for _, m := range accreditationMessages {
		if (m.field == "" || m.field == base) && strings.HasPrefix(message, m.prefix) {
			return m.key
		}
	}
	if key, ok := fieldMessageKeys[message]; ok {
		return key
	}
	return "err.invalid"
}

// showAccreditationErrors is showErrors for the accreditation forms: each
// field the service names is renamed to the form's input (the forms
// prefix theirs: "del_" + "given_name") and its error put beside it when
// the form shows it, above the form otherwise. Refusals other than
// invalid input go to showErrors; it reports false for those that belong
// on an error page.
func (f *Form) showAccreditationErrors(err error, rename func(string) string, shown ...string) bool {
	var ae *accord.Error
	if !errors.As(err, &ae) || ae.Kind != accord.KindInvalid {
		return f.showErrors(err, shown...)
	}
	if len(ae.Fields) == 0 {
		f.FailGeneral("err.invalid")
		return true
	}
	for _, fe := range ae.Fields {
		key := accreditationMessageKey(fe.Field, fe.Message)
		name := fe.Field
		if rename != nil {
			name = rename(name)
		}
		if slices.Contains(shown, name) {
			f.Fail(name, key)
		} else {
			f.FailGeneral(key)
		}
	}
	return true
}

// prefixed renames a service's field name to a form's input name. A
// replacement's fields come as "replacement.given_name".
func prefixed(prefix string) func(string) string {
	return func(name string) string {
		return prefix + strings.TrimPrefix(name, "replacement.")
	}
}

// scopeKey holds, among a form's values, which of a page's many small
// forms was sent: a page of requests has one per request and event.
const scopeKey = "\x00scope"

// setScope says that the form sent was the one of scope.
func (f *Form) setScope(scope string) { f.values[scopeKey] = scope }

// ScopedField describes the input name of one of a page's many small
// forms: its id is unique on the page, its label is the catalog's
// labelKey (with a hint under labelKey + "_hint" if there is one), and
// what was typed and its error show on the form that was sent alone.
func (p *Page) ScopedField(scope, name, labelKey, typ string) Field {
	f := p.Form
	fd := Field{
		ID: "f-" + scope + "-" + name, Name: name, Type: typ, Label: p.T(labelKey),
		Required: true, ErrorPrefix: p.T("form.error_prefix"),
	}
	if f.values[scopeKey] == scope {
		fd.Error, fd.Value = f.errors[name], f.values[name]
	}
	if typ == "text" {
		fd.Dir = "auto"
	}
	if p.cat.Has(labelKey + "_hint") {
		fd.Hint = p.T(labelKey + "_hint")
	}
	describedBy(&fd)
	return fd
}

// ScopedError is one line of the error summary of a page of small forms.
type ScopedError struct{ Href, Text string }

// ScopedErrors lists the errors of the small form that was sent, each
// linking to its field, after the error that belongs to no field.
func (p *Page) ScopedErrors() []ScopedError {
	f := p.Form
	var out []ScopedError
	if f.general != "" {
		out = append(out, ScopedError{Text: f.general})
	}
	scope := f.values[scopeKey]
	for _, name := range f.order {
		href := "#f-" + name
		if scope != "" {
			href = "#f-" + scope + "-" + name
		}
		text := f.errors[name]
		// The summary names the field, as the one of a single form does:
		// "Given name: enter it", not "enter it" alone.
		if label := "field." + name; scope == "" && p.cat.Has(label) {
			text = p.T("form.field_error", "label", p.T(label), "error", text)
		}
		out = append(out, ScopedError{Href: href, Text: text})
	}
	return out
}

// Layouts of the date and time inputs: what browsers send from
// <input type="date"> and <input type="datetime-local">, read as UTC like
// every time Accord shows.
const (
	dateLayout    = "2006-01-02"
	instantLayout = "2006-01-02T15:04"
)

// formDate reads a date input; blank is nil, anything unreadable a field
// error.
func formDate(f *Form, name, value string) *accord.Date {
	value = strings.TrimSpace(value)
	if value == "" {
		return nil
	}
	d, err := accord.ParseDate(value)
	if err != nil {
		f.Fail(name, "err.date_invalid")
		return nil
	}
	return &d
}

// formInstant reads a datetime-local input as UTC; seconds are accepted.
func formInstant(f *Form, name, value string) *time.Time {
	value = strings.TrimSpace(value)
	if value == "" {
		return nil
	}
	for _, layout := range []string{instantLayout, instantLayout + ":05"} {
		if t, err := time.ParseInLocation(layout, value, time.UTC); err == nil {
			return &t
		}
	}
	f.Fail(name, "err.datetime_invalid")
	return nil
}

// formInt reads a number input; blank is nil.
func formInt(f *Form, name, value string) *int {
	value = strings.TrimSpace(value)
	if value == "" {
		return nil
	}
	n, err := strconv.Atoi(value)
	if err != nil {
		f.Fail(name, "err.number_invalid")
		return nil
	}
	return &n
}

// formVersion is the version a form was read at; 0, which skips the
// check, when it is missing.
func formVersion(value string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(value))
	return max(n, 0)
}

// instantValue writes an instant as a datetime-local input shows it.
func instantValue(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(instantLayout)
}
