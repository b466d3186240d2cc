package notify

import (
	"fmt"
	"strings"
	"text/template"

	"github.com/accord-coalition/accord/internal/i18n"
)

// texts gives a template the catalog entries of one message in one
// language.
type texts struct {
	locale string
	data   map[string]any
	cat    *i18n.Catalog
}

// funcs are the template functions:
//
//	t "key" ["name" value]…  the catalog entry message.<key>, its
//	                          placeholders filled from the data, or from
//	                          the name/value pairs given after it
//	variant "prefix" value    "<prefix>.<value>" if the catalogs have that
//	                          entry, else "<prefix>.other": the text for
//	                          an event, a state or a role, with a general
//	                          one for those without their own
func (x texts) funcs() template.FuncMap {
	return template.FuncMap{"t": x.text, "variant": x.variant}
}

func (x texts) text(key string, pairs ...string) (string, error) {
	key = "message." + key
	if !x.cat.Has(key) {
		return "", fmt.Errorf("the catalogs lack %s", key)
	}
	values := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		values[pairs[i]] = pairs[i+1]
	}
	return fill(x.cat.T(x.locale, key, nil), func(name string) (string, bool) {
		if v, ok := values[name]; ok {
			return v, true
		}
		v, ok := x.data[name]
		if !ok || v == nil {
			return "", false
		}
		return fmt.Sprint(v), true
	})
}

func (x texts) variant(prefix string, value any) string {
	v := fmt.Sprint(value)
	if templateName.MatchString(v) && x.cat.Has("message."+prefix+"."+v) {
		return prefix + "." + v
	}
	return prefix + ".other"
}

// fill replaces the {placeholders} of text with their values. A paragraph
// that is a lone placeholder with an empty value is left out, so that an
// optional comment leaves no gap; a placeholder without a value is an
// error, which keeps "{comment}" out of people's mailboxes.
func fill(text string, value func(name string) (string, bool)) (string, error) {
	paras := strings.Split(text, "\n\n")
	out := paras[:0]
	for _, p := range paras {
		var missing string
		filled := placeholder.ReplaceAllStringFunc(p, func(ph string) string {
			v, ok := value(ph[1 : len(ph)-1])
			if !ok {
				missing = ph
			}
			return v
		})
		if missing != "" {
			return "", fmt.Errorf("%s %w", missing, errMissingData)
		}
		if filled == "" && placeholder.MatchString(p) && placeholder.FindString(p) == p {
			continue
		}
		out = append(out, filled)
	}
	return strings.Join(out, "\n\n"), nil
}
