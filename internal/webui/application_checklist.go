package webui

import (
	"errors"
	"strings"

	"github.com/accord-coalition/accord/internal/accord"
)

// submitChecklist turns the submit guard's refusal into the things to do,
// each in the reader's language with a link to where it is done. The guard
// names every shortcoming at once (membership's readyToSubmit): the
// motivation, each part of the profile, each declaration, each required
// document, another open application.
func submitChecklist(p *Page, err error) []checkItem {
	var ae *accord.Error
	if err == nil || !errors.As(err, &ae) || ae.Kind != accord.KindInvalid {
		return nil
	}
	out := make([]checkItem, 0, len(ae.Fields))
	for _, fe := range ae.Fields {
		out = append(out, checkItemFor(p, fe.Field))
	}
	if len(out) == 0 {
		out = append(out, checkItem{Text: p.T("err.invalid")})
	}
	return out
}

func checkItemFor(p *Page, field string) checkItem {
	switch {
	case field == "motivation":
		return checkItem{Text: p.T("check.motivation"), Href: "#f-motivation"}
	case field == "organization_id":
		return checkItem{Text: p.T("check.other_open"), Href: "/application"}
	case strings.HasPrefix(field, "organization.declarations."):
		name := strings.TrimPrefix(field, "organization.declarations.")
		if label := "field.org_" + name; p.cat.Has(label) {
			return checkItem{Text: p.T("check.declaration", "declaration", p.T(label)), Href: "/organization#f-org_" + name}
		}
	case strings.HasPrefix(field, "organization."):
		name := strings.TrimPrefix(field, "organization.")
		if label := "field.org_" + name; p.cat.Has(label) {
			return checkItem{Text: p.T("check.profile", "field", p.T(label)), Href: "/organization#f-org_" + name}
		}
	case strings.HasPrefix(field, "documents."):
		kind := strings.TrimPrefix(field, "documents.")
		if label := "doc.kind_" + kind; p.cat.Has(label) {
			return checkItem{Text: p.T("check.document", "kind", p.T(label)), Href: "#f-file"}
		}
	}
	return checkItem{Text: p.T("check.other")}
}
