package report

import (
	"regexp"
	"slices"
	"strings"
)

// joinSplit finds the joins of a FROM clause as the list queries write
// it: "table alias JOIN table alias ON … LEFT JOIN table alias ON …".
var joinSplit = regexp.MustCompile(`\s+(?:LEFT\s+)?JOIN\s+`)

// countFrom is the FROM clause for counting the rows: the list's, less
// each join that cannot change their number and that nothing else refers
// to — a LEFT JOIN, which only looks up a name by a key (a delegate's
// nationality), or an inner join the list names in lookups, which finds
// exactly one row by a NOT NULL foreign key (a request's organisation,
// its country). Each costs the count a pass over its table: dropping
// them took the participants' count from 70 to 25 ms at 90,000 rows
// (bench/README.md "Exports"). A join left without users once another is
// dropped goes too.
func (q *query) countFrom() string {
	bounds := joinSplit.FindAllStringIndex(q.from, -1)
	if len(bounds) == 0 {
		return q.from
	}
	type segment struct {
		text, alias string
		droppable   bool
		dropped     bool
	}
	segs := []segment{{text: q.from[:bounds[0][0]]}}
	for i, b := range bounds {
		end := len(q.from)
		if i+1 < len(bounds) {
			end = bounds[i+1][0]
		}
		words := strings.Fields(q.from[b[1]:end])
		s := segment{text: q.from[b[0]:end]}
		if len(words) >= 3 && strings.EqualFold(words[2], "ON") {
			s.alias = words[1]
			left := strings.Contains(strings.ToUpper(q.from[b[0]:b[1]]), "LEFT")
			s.droppable = left || slices.Contains(q.lookups, s.alias)
		}
		segs = append(segs, s)
	}
	kept := func() string {
		var b strings.Builder
		for _, s := range segs {
			if !s.dropped {
				b.WriteString(s.text)
			}
		}
		return b.String()
	}
	for changed := true; changed; {
		changed = false
		for i := len(segs) - 1; i > 0; i-- {
			s := &segs[i]
			if s.droppable && !s.dropped && !q.refersTo(s.alias, s.text, kept()) {
				s.dropped, changed = true, true
			}
		}
	}
	return kept()
}

// refersTo reports whether alias is used in the WHERE conditions or in
// from outside the join's own text.
func (q *query) refersTo(alias, own, from string) bool {
	ref := alias + "."
	if strings.Contains(strings.Join(q.where, " "), ref) {
		return true
	}
	rest := strings.Replace(from, own, "", 1)
	return strings.Contains(rest, ref)
}
