package i18n

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

// Problems lists every way the catalogs disagree with English: a key that
// is missing, empty or left over in a locale, a plural entry where English
// has a plain string (or the reverse), a plural entry lacking a form its
// locale needs, and placeholders that differ from English's. A test fails
// on any of them; the server logs them at start.
func (c *Catalog) Problems() []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	en := c.messages[Default]
	for _, locale := range Locales {
		msgs := c.messages[locale]
		for _, key := range sortedKeys(en) {
			want := en[key]
			got, ok := msgs[key]
			switch {
			case !ok:
				add("%s: %s is missing", locale, key)
				continue
			case (got.plural == nil) != (want.plural == nil):
				add("%s: %s is a plural entry in one language and a plain string in the other", locale, key)
				continue
			}
			for _, p := range entryProblems(locale, got) {
				add("%s: %s %s", locale, key, p)
			}
			if w, g := entryPlaceholders(want), entryPlaceholders(got); !maps.Equal(w, g) {
				add("%s: %s has placeholders {%s}, English has {%s}", locale, key, joinSet(g), joinSet(w))
			}
		}
		for _, key := range sortedKeys(msgs) {
			if _, ok := en[key]; !ok {
				add("%s: %s is not in the English catalog", locale, key)
			}
		}
	}
	return out
}

// entryProblems reports an empty string, or a plural entry without a
// non-empty form for every category its locale uses.
func entryProblems(locale string, m message) []string {
	if m.plural == nil {
		if strings.TrimSpace(m.text) == "" {
			return []string{"is empty"}
		}
		return nil
	}
	var out []string
	for _, cat := range RequiredCategories(locale) {
		if strings.TrimSpace(m.plural[cat]) == "" {
			out = append(out, fmt.Sprintf("lacks the plural form %q", cat))
		}
	}
	return out
}

// entryPlaceholders is the set of placeholders an entry uses. The forms of
// a plural entry count together, without {count}: Arabic rightly writes
// "منظمتان" (two organisations) with no number in it.
func entryPlaceholders(m message) map[string]bool {
	if m.plural == nil {
		return placeholders(m.text)
	}
	out := map[string]bool{}
	for _, form := range m.plural {
		for p := range placeholders(form) {
			out[p] = true
		}
	}
	delete(out, "count")
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := slices.Collect(maps.Keys(m))
	sort.Strings(keys)
	return keys
}

func joinSet(s map[string]bool) string {
	return strings.Join(sortedKeys(s), "}, {")
}
