package workflow

import (
	"strings"

	"github.com/accord-coalition/accord/internal/accord"
)

// MaxCommentLength caps a transition's comment, in characters.
const MaxCommentLength = 10000

// TransitionInput is the one body of every POST …/transitions (docs/api.md):
// the event, the comment (required for some events) and the version the
// client read.
type TransitionInput struct {
	Event   string `json:"event"`
	Comment string `json:"comment"`
	Version int    `json:"version"`
}

// Check refuses an input missing its event or version. The version is
// required: optimistic concurrency only protects a client that says which
// version it saw.
func (in TransitionInput) Check() error {
	var v accord.Validation
	v.Check(strings.TrimSpace(in.Event) != "", "event", "required")
	v.Check(in.Version >= 1, "version", "required: the version you read")
	v.MaxChars("comment", in.Comment, MaxCommentLength)
	return v.Err()
}

// Request is the input as the engine takes it.
func (in TransitionInput) Request() Request {
	return Request{Event: strings.TrimSpace(in.Event), Comment: in.Comment, Version: in.Version}
}
