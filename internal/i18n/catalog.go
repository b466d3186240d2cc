package i18n

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"slices"
	"sort"
)

// message is one catalog entry: a plain string, or plural forms by category.
type message struct {
	text   string
	plural map[Category]string
}

// Catalog holds the messages of every locale. It is read-only after Load
// and safe for concurrent use.
type Catalog struct {
	messages map[string]map[string]message // locale -> key -> message
	// missing is told about a key the catalog lacks; nil means slog.
	missing func(locale, key string)
}

// Load reads <locale>.json for each of Locales from fsys. It fails on a
// file that is absent or not a catalog; a catalog that is complete but
// disagrees with English is reported by Problems, not here, so that a
// missing translation shows as English on a page rather than as a server
// that does not start.
func Load(fsys fs.FS) (*Catalog, error) {
	c := &Catalog{messages: map[string]map[string]message{}}
	for _, locale := range Locales {
		b, err := fs.ReadFile(fsys, locale+".json")
		if err != nil {
			return nil, fmt.Errorf("read catalog %s: %w", locale, err)
		}
		msgs, err := parseCatalog(b)
		if err != nil {
			return nil, fmt.Errorf("catalog %s.json: %w", locale, err)
		}
		c.messages[locale] = msgs
	}
	return c, nil
}

func parseCatalog(b []byte) (map[string]message, error) {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	out := make(map[string]message, len(raw))
	for key, v := range raw {
		var s string
		if err := json.Unmarshal(v, &s); err == nil {
			out[key] = message{text: s}
			continue
		}
		var forms map[string]string
		if err := json.Unmarshal(v, &forms); err != nil {
			return nil, fmt.Errorf("%s: want a string or an object of plural forms", key)
		}
		m := message{plural: map[Category]string{}}
		for cat, form := range forms {
			if !slices.Contains(Categories, Category(cat)) {
				return nil, fmt.Errorf("%s: %q is not a CLDR plural category", key, cat)
			}
			m.plural[Category(cat)] = form
		}
		out[key] = m
	}
	return out, nil
}

// Keys lists the keys of the default (English) catalog, sorted.
func (c *Catalog) Keys() []string {
	keys := make([]string, 0, len(c.messages[Default]))
	for k := range c.messages[Default] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Has reports whether the English catalog holds key.
func (c *Catalog) Has(key string) bool {
	_, ok := c.messages[Default][key]
	return ok
}

// lookup finds key in locale, falling back to English, and reports a miss
// once per call so that a gap in a catalog is visible in the logs.
func (c *Catalog) lookup(locale, key string) (message, bool) {
	if m, ok := c.messages[locale][key]; ok && !m.empty() {
		return m, true
	}
	c.reportMissing(locale, key)
	if m, ok := c.messages[Default][key]; ok {
		return m, true
	}
	return message{}, false
}

func (c *Catalog) reportMissing(locale, key string) {
	if c.missing != nil {
		c.missing(locale, key)
		return
	}
	slog.Warn("missing translation", "locale", locale, "key", key)
}

func (m message) empty() bool {
	if m.plural != nil {
		return len(m.plural) == 0
	}
	return m.text == ""
}
