package webui

import (
	"errors"

	"github.com/accord-coalition/accord/internal/accord"
)

// Choice is one option of a select, or one box of a group of checkboxes.
type Choice struct {
	Value, Label string
	Selected     bool
	// Lang is the language of Label when it differs from the page's.
	Lang string
}

// ChoiceField is a select or a group of checkboxes as the "select" and
// "checkboxes" templates draw them: the field's label, hint and error,
// and its choices with what the reader picked.
type ChoiceField struct {
	Field
	Choices []Choice
}

// Select describes the select name with its choices.
func (p *Page) Select(name string, choices []Choice) ChoiceField {
	return ChoiceField{Field: p.Form.field(name, "select", ""), Choices: choices}
}

// Checkboxes describes a group of checkboxes sharing the name; the group
// is optional as a whole.
func (p *Page) Checkboxes(name string, choices []Choice) ChoiceField {
	f := ChoiceField{Field: p.Form.field(name, "checkbox", ""), Choices: choices}
	f.Required = false
	return f
}

// Optional describes an input the reader may leave blank.
func (p *Page) Optional(name, typ, autocomplete string) Field {
	f := p.Form.field(name, typ, autocomplete)
	f.Required = false
	return f
}

// Checkbox describes one checkbox, ticked when the form holds "on" for it.
func (p *Page) Checkbox(name string) Field {
	f := p.Form.field(name, "checkbox", "")
	f.Required = false
	return f
}

// showErrorsAs is showErrors for a form whose inputs carry prefix before
// the service's field names ("org_" + "name"): a page may hold a person's
// name and an organisation's, which the catalogs label differently.
func (f *Form) showErrorsAs(err error, prefix string, shown ...string) bool {
	var ae *accord.Error
	if errors.As(err, &ae) && len(ae.Fields) > 0 {
		renamed := *ae
		renamed.Fields = make([]accord.FieldError, len(ae.Fields))
		for i, fe := range ae.Fields {
			renamed.Fields[i] = accord.FieldError{Field: prefix + fe.Field, Message: fe.Message}
		}
		err = &renamed
	}
	return f.showErrors(err, shown...)
}

// Prefilled describes an input showing what the reader typed, or else
// the value saved.
func (p *Page) Prefilled(name, typ, saved string) Field {
	f := p.Form.field(name, typ, "")
	if _, typed := p.Form.values[name]; !typed {
		f.Value = saved
	}
	return f
}

// Filter describes a select narrowing a list; leaving it at its first
// choice (all) is allowed.
func (p *Page) Filter(name string, choices []Choice) ChoiceField {
	f := p.Select(name, choices)
	f.Required = false
	return f
}
