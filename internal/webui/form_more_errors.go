package webui

import (
	"errors"

	"github.com/accord-coalition/accord/internal/accord"
)

// showMoreErrors adds err's field errors beside those the form found
// itself, each field keeping the error it already has ("required" stays
// "required"), so that a form shows everything wrong in one round.
func (f *Form) showMoreErrors(err error, shown ...string) {
	var ae *accord.Error
	if !errors.As(err, &ae) || ae.Kind != accord.KindInvalid {
		return
	}
	more := *ae
	more.Fields = nil
	for _, fe := range ae.Fields {
		if _, has := f.errors[fe.Field]; !has {
			more.Fields = append(more.Fields, fe)
		}
	}
	if len(more.Fields) > 0 {
		f.showErrors(&more, shown...)
	}
}
