package i18n

import (
	"fmt"
	"regexp"
	"strings"
)

// Args are the values of a message's {placeholders}, by name. Integers are
// written as numbers of the message's language; anything else with
// fmt.Sprint.
type Args map[string]any

// T is the message key in locale with its placeholders filled from args. A
// key missing from locale falls back to English, and one missing from
// English too comes back as the key itself, so a page never shows nothing.
// A plural entry asked for with T takes its "other" form.
func (c *Catalog) T(locale, key string, args Args) string {
	m, ok := c.lookup(locale, key)
	if !ok {
		return key
	}
	text := m.text
	if m.plural != nil {
		text = m.plural[Other]
	}
	return fill(locale, text, args)
}

// N is the plural entry key in the form that count takes in locale, with
// {count} and the other placeholders filled. A form missing from locale's
// entry falls back to "other".
func (c *Catalog) N(locale, key string, count int, args Args) string {
	m, ok := c.lookup(locale, key)
	if !ok {
		return key
	}
	filled := Args{"count": count}
	for k, v := range args {
		filled[k] = v
	}
	if m.plural == nil {
		return fill(locale, m.text, filled)
	}
	form, ok := m.plural[PluralCategory(locale, count)]
	if !ok || form == "" {
		form = m.plural[Other]
	}
	return fill(locale, form, filled)
}

var placeholder = regexp.MustCompile(`\{([a-z_][a-z0-9_]*)\}`)

// fill replaces each {name} of text with args[name]; a placeholder without
// an argument stays as written, which shows the mistake on the page.
func fill(locale, text string, args Args) string {
	if len(args) == 0 || !strings.Contains(text, "{") {
		return text
	}
	return placeholder.ReplaceAllStringFunc(text, func(ph string) string {
		v, ok := args[ph[1:len(ph)-1]]
		if !ok {
			return ph
		}
		return formatArg(locale, v)
	})
}

func formatArg(locale string, v any) string {
	switch n := v.(type) {
	case int:
		return FormatInt(locale, int64(n))
	case int64:
		return FormatInt(locale, n)
	case int32:
		return FormatInt(locale, int64(n))
	}
	return fmt.Sprint(v)
}

// placeholders lists the distinct placeholder names used in text.
func placeholders(text string) map[string]bool {
	out := map[string]bool{}
	for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
		out[m[1]] = true
	}
	return out
}
