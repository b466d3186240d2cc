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
)

// templatesFS holds every message template; other capabilities add their
// own files to templates/ and name them in Enqueue.
//
//go:embed templates/*.tmpl
var templatesFS embed.FS

// fallbackLocale is used when a template has no file in the recipient's
// language: English is the coalition's common working language.
const fallbackLocale = "en"

// Names end up in a file path: keep them to plain words.
var (
	templateName = regexp.MustCompile(`^[a-z0-9_]+$`)
	localeName   = regexp.MustCompile(`^[a-z]{2,3}$`)
)

// parsed caches templates by file name; the embedded files never change
// while the process runs.
var parsed sync.Map // string -> *template.Template

// rendered is a template's output for one recipient.
type rendered struct {
	Locale  string // the language actually used, after any fallback
	Subject string
	Body    string
}

// render executes template name in locale, falling back to English when
// that language has no file, with data as the dot.
func render(name, locale string, data map[string]any) (rendered, error) {
	if !templateName.MatchString(name) {
		return rendered{}, fmt.Errorf("message template %q: not a template name", name)
	}
	locale = baseLocale(locale)
	t, err := lookup(name, locale)
	if errors.Is(err, fs.ErrNotExist) && locale != fallbackLocale {
		locale = fallbackLocale
		t, err = lookup(name, locale)
	}
	if err != nil {
		return rendered{}, fmt.Errorf("message template %q: %w", name, err)
	}
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

func lookup(name, locale string) (*template.Template, error) {
	file := "templates/" + name + "." + locale + ".tmpl"
	if t, ok := parsed.Load(file); ok {
		return t.(*template.Template), nil
	}
	src, err := fs.ReadFile(templatesFS, file)
	if err != nil {
		return nil, err
	}
	t, err := template.New(file).Parse(string(src))
	if err != nil {
		return nil, err
	}
	parsed.Store(file, t)
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
