package workflow_test

import (
	"testing"

	"github.com/accord-coalition/accord/internal/workflow"
)

// replaceBody is a transition body with a payload, as a delegate's
// replacement is.
type replaceBody struct {
	workflow.TransitionInput
	Replacement string `json:"replacement"`
}

// TestCollectionNewBody: a collection decodes each request into a fresh
// body of its own kind, TransitionInput unless it names another.
func TestCollectionNewBody(t *testing.T) {
	plain := workflow.Collection{}.NewBody()
	if _, ok := plain.(*workflow.TransitionInput); !ok {
		t.Fatalf("default body is %T", plain)
	}
	col := workflow.Collection{Body: replaceBody{}}
	a, b := col.NewBody(), col.NewBody()
	ra, ok := a.(*replaceBody)
	if !ok {
		t.Fatalf("body is %T", a)
	}
	ra.Event, ra.Replacement = "replace", "Leila"
	if rb := b.(*replaceBody); rb.Event != "" || rb.Replacement != "" {
		t.Fatal("two requests share one body")
	}
	if got := a.Transition(); got.Event != "replace" {
		t.Fatalf("Transition() = %+v", got)
	}
}

// TestCommentRequired reads the table: the engine and the forms agree on
// which events need a comment.
func TestCommentRequired(t *testing.T) {
	m := widgetMachine()
	if !m.CommentRequired("reject") || m.CommentRequired("approve") || m.CommentRequired("no such event") {
		t.Fatal("CommentRequired does not follow the table")
	}
}
