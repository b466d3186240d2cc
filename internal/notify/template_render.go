package notify

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"sync"
	"text/template"

	"github.com/accord-coalition/accord/internal/i18n"
)

// templatesFS holds the layout of every message: which catalog entries it
// is made of, in which order, under which conditions. The words are in
// the catalogs (web/i18n), under message.<template>.…; a template holds
// none, so that it is the same in every language. Other capabilities add
// their own files to templates/ and name them in Enqueue.
//
//go:embed templates/*.tmpl
var templatesFS embed.FS

// fallbackLocale is used for a language Accord does not speak: English is
// the coalition's common working language.
const fallbackLocale = "en"

// Names end up in a file path and a catalog key: keep them to plain words.
var (
	templateName = regexp.MustCompile(`^[a-z0-9_]+$`)
	localeName   = regexp.MustCompile(`^[a-z]{2,3}$`)
	// placeholder is the catalogs' {name}.
	placeholder = regexp.MustCompile(`\{([a-z_][a-z0-9_]*)\}`)
)

// parsed caches templates by name; the embedded files never change while
// the process runs.
var parsed sync.Map // string -> *template.Template

// rendered is a template's output for one recipient.
type rendered struct {
	Locale  string // the language actually used, after any fallback
	Subject string
	Body    string
}

// render executes template name in locale, English when Accord does not
// speak that language, with data filling the catalog entries'
// placeholders and deciding the template's conditions.
func render(name, locale string, data map[string]any) (rendered, error) {
	if !templateName.MatchString(name) {
		return rendered{}, fmt.Errorf("message template %q: not a template name", name)
	}
	locale = baseLocale(locale)
	if !i18n.Supported(locale) {
		locale = fallbackLocale
	}
	t, err := lookup(name)
	if err != nil {
		return rendered{}, fmt.Errorf("message template %q: %w", name, err)
	}
	t, err = t.Clone()
	if err != nil {
		return rendered{}, fmt.Errorf("message template %q: %w", name, err)
	}
	t.Funcs(texts{locale: locale, data: data, cat: i18n.Builtin()}.funcs())
	subject, err := execute(t, "subject", data)
	if err != nil {
		return rendered{}, fmt.Errorf("message template %s.%s: %w", name, locale, err)
	}
	body, err := execute(t, "body", data)
	if err != nil {
		return rendered{}, fmt.Errorf("message template %s.%s: %w", name, locale, err)
	}
	// A subject becomes a mail header: one line, whatever the data held.
	subject = strings.Join(strings.Fields(subject), " ")
	return rendered{Locale: locale, Subject: subject, Body: strings.TrimSpace(body) + "\n"}, nil
}

func lookup(name string) (*template.Template, error) {
	if t, ok := parsed.Load(name); ok {
		return t.(*template.Template), nil
	}
	src, err := fs.ReadFile(templatesFS, "templates/"+name+".tmpl")
	if err != nil {
		return nil, err
	}
	t, err := template.New(name).Funcs(texts{}.funcs()).Parse(string(src))
	if err != nil {
		return nil, err
	}
	parsed.Store(name, t)
	return t, nil
}

func execute(t *template.Template, part string, data map[string]any) (string, error) {
	if t.Lookup(part) == nil {
		return "", fmt.Errorf("no {{define %q}}", part)
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, part, data); err != nil {
		return "", err
	}
	// A key the caller forgot prints "<no value>"; failing here keeps that
	// out of people's mailboxes while still letting {{if .key}} test for an
	// optional one.
	if bytes.Contains(b.Bytes(), []byte("<no value>")) {
		return "", fmt.Errorf("%s uses data the caller did not give", part)
	}
	return b.String(), nil
}

// baseLocale reduces "fr-CA" or "ES" to "fr" or "es"; anything that is not a
// language code is English.
func baseLocale(locale string) string {
	l := strings.ToLower(strings.TrimSpace(locale))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	if !localeName.MatchString(l) {
		return fallbackLocale
	}
	return l
}

// errMissingData is a placeholder the caller gave no value for.
var errMissingData = errors.New("uses data the caller did not give")
