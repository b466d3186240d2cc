package report

import "slices"

// FilterStates are the states the state filter of list listName may name,
// in the order pages offer them: the delegate's for participants and
// badges, the request's for accredited and circulation, the membership's
// for members. Nil for a list that does not exist.
func FilterStates(listName string) []string {
	l, ok := lists[listName]
	if !ok {
		return nil
	}
	return slices.Clone(l.states)
}
