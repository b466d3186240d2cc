package membership

import (
	"github.com/accord-coalition/accord/internal/workflow"
)

// EventNote is the audit event of a reviewers' internal note.
const EventNote = "note"

// entryOptions is what a reader of a membership timeline is shown: the
// staff member who acted only to reviewers, and never an event's extra
// facts.
func entryOptions(reviewer bool) workflow.EntryOptions {
	return workflow.EntryOptions{Staff: reviewer}
}
