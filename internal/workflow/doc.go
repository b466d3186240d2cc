// Package workflow is the one state-machine engine behind every Accord
// workflow: membership applications, memberships, accreditation requests,
// objections and delegates. Each capability declares its Machine as a table
// of transitions that reads like the tables in the domain specification;
// the engine checks who may fire what, moves the entity with one guarded
// update, runs the transition's effect and appends the audit event, all in
// the caller's transaction. Deadlines are transitions the system fires when
// an instant stored on the entity has passed (Tick).
//
// A capability attaches its checks and effects to its table as Rules, one
// per event; Register refuses a machine whose rules and table disagree.
// It serves its records to both transports as Collections: a Resource
// (View, Fire, History) under a path segment, so that the API and the web
// pages fire and show every workflow the same way.
//
// A machine's table must have the columns id, state, version (an integer
// starting at 1) and updated_at; a deadline adds the column holding its
// instant.
package workflow
