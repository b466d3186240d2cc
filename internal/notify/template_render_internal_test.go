package notify

import (
	"io/fs"
	"strings"
	"testing"
)

// TestEveryTemplateIsComplete checks the files every capability adds to
// templates/: each parses, defines a subject and a body, and has the English
// version that other languages fall back to.
func TestEveryTemplateIsComplete(t *testing.T) {
	files, err := fs.Glob(templatesFS, "templates/*.tmpl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	for _, f := range files {
		name, locale, ok := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(f, "templates/"), ".tmpl"), ".")
		if !ok || !templateName.MatchString(name) || !localeName.MatchString(locale) {
			t.Errorf("%s: not named <template>.<locale>.tmpl", f)
			continue
		}
		tpl, err := lookup(name, locale)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, part := range []string{"subject", "body"} {
			if tpl.Lookup(part) == nil {
				t.Errorf("%s: no {{define %q}}", f, part)
			}
		}
		if _, err := lookup(name, fallbackLocale); err != nil {
			t.Errorf("%s: no English version to fall back to: %v", f, err)
		}
	}
}

func TestRenderFallsBackToEnglishAndRefusesMissingData(t *testing.T) {
	r, err := render("notice", "sw", map[string]any{"title": "Hello", "text": "World"})
	if err != nil || r.Locale != "en" || r.Subject != "Hello" || !strings.HasPrefix(r.Body, "Hello\n\nWorld\n") {
		t.Fatalf("render = %+v, %v", r, err)
	}
	if _, err := render("notice", "fr", map[string]any{"title": "Bonjour"}); err == nil {
		t.Fatal("a notice without its text rendered")
	}
}
