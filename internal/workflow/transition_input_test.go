package workflow_test

import (
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/workflow"
)

func TestTransitionInputCheck(t *testing.T) {
	cases := []struct {
		in    workflow.TransitionInput
		field string // "" when valid
	}{
		{workflow.TransitionInput{Event: "approve", Version: 3}, ""},
		{workflow.TransitionInput{Event: "approve"}, "version"},
		{workflow.TransitionInput{Event: "approve", Version: -1}, "version"},
		{workflow.TransitionInput{Event: "  ", Version: 1}, "event"},
		{workflow.TransitionInput{Event: "reject", Version: 1, Comment: strings.Repeat("ش", workflow.MaxCommentLength+1)}, "comment"},
	}
	for _, c := range cases {
		err := c.in.Check()
		if c.field == "" {
			if err != nil {
				t.Errorf("%+v: unexpected %v", c.in, err)
			}
			continue
		}
		var e *accord.Error
		if !asError(err, &e) || e.Kind != accord.KindInvalid || len(e.Fields) != 1 || e.Fields[0].Field != c.field {
			t.Errorf("%+v: got %v, want an invalid %q", c.in, err, c.field)
		}
	}
	if got := (workflow.TransitionInput{Event: " submit ", Comment: "x", Version: 2}).Request(); got.Event != "submit" || got.Version != 2 || got.Comment != "x" {
		t.Errorf("Request() = %+v", got)
	}
}

func asError(err error, target **accord.Error) bool {
	e, ok := err.(*accord.Error)
	if ok {
		*target = e
	}
	return ok
}
