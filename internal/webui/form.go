package webui

import (
	"strings"

	"github.com/labstack/echo/v4"
)

// Form is a submitted form on its way back to the reader: what was typed
// (never passwords) and the errors, translated, by field.
type Form struct {
	page    *Page
	values  map[string]string
	errors  map[string]string
	order   []string
	general string
}

func newForm(p *Page) *Form {
	return &Form{page: p, values: map[string]string{}, errors: map[string]string{}}
}

// Keep remembers the submitted values of fields, to show them again.
func (f *Form) Keep(c echo.Context, fields ...string) {
	for _, name := range fields {
		f.values[name] = c.FormValue(name)
	}
}

// Set remembers value for field.
func (f *Form) Set(field, value string) { f.values[field] = value }

// Fail marks field invalid with the translated message of key.
func (f *Form) Fail(field, key string, args ...any) {
	if _, dup := f.errors[field]; !dup {
		f.order = append(f.order, field)
	}
	f.errors[field] = f.page.T(key, args...)
}

// FailGeneral records an error that belongs to no one field.
func (f *Form) FailGeneral(key string, args ...any) { f.general = f.page.T(key, args...) }

// HasErrors reports whether anything is wrong with the form.
func (f *Form) HasErrors() bool { return f.general != "" || len(f.errors) > 0 }

// General is the error that belongs to no field.
func (f *Form) General() string { return f.general }

// Page is the page the form is on, for the error summary's heading.
func (f *Form) Page() *Page { return f.page }

// Listed are the invalid fields, in the order their errors were found.
func (f *Form) Listed() []Field {
	out := make([]Field, 0, len(f.order))
	for _, name := range f.order {
		out = append(out, f.field(name, "text", ""))
	}
	return out
}

// Field is one input as the "field" template draws it.
type Field struct {
	ID, Name, Type, Label, Hint, Error, ErrorPrefix string
	Value, Autocomplete, DescribedBy, Dir           string
	Required                                        bool
}

// describedBy points aria-describedby at the field's error and hint,
// those it has, by their ids; it is set again when the field's id changes.
func describedBy(f *Field) {
	var ids []string
	if f.Error != "" {
		ids = append(ids, f.ID+"-error")
	}
	if f.Hint != "" {
		ids = append(ids, f.ID+"-hint")
	}
	f.DescribedBy = strings.Join(ids, " ")
}

// Field describes the input name of type typ on the page's form: its
// label (field.<name>), hint (hint.<name>, if the catalog has one), the
// value typed and its error.
func (p *Page) Field(name, typ, autocomplete string) Field {
	return p.Form.field(name, typ, autocomplete)
}

func (f *Form) field(name, typ, autocomplete string) Field {
	p := f.page
	fd := Field{
		ID: "f-" + name, Name: name, Type: typ, Autocomplete: autocomplete,
		Label: p.T("field." + name), Error: f.errors[name], Required: true,
		ErrorPrefix: p.T("form.error_prefix"),
	}
	if typ != "password" {
		fd.Value = f.values[name]
	}
	// An address reads left to right even on an Arabic page; a name takes
	// the direction of its own script.
	switch typ {
	case "email", "url", "tel":
		fd.Dir = "ltr"
	case "text":
		fd.Dir = "auto"
	}
	// A password's hint gives the rules for choosing one: it helps whoever
	// sets a password, and would only mislead someone typing the one they
	// have, which may well predate the rules. The sign-in form shares the
	// field's name with registration; its autocomplete tells them apart.
	if p.cat.Has("hint."+name) && autocomplete != "current-password" {
		fd.Hint = p.T("hint." + name)
	}
	describedBy(&fd)
	return fd
}
