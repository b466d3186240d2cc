package notify

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/i18n"
)

// TestEveryTemplateIsComplete checks the files every capability adds to
// templates/: each parses, defines a subject and a body, and names only
// catalog entries English has — the catalog check holds the other
// languages to English — with a general ".other" entry for each variant.
func TestEveryTemplateIsComplete(t *testing.T) {
	files, err := fs.Glob(templatesFS, "templates/*.tmpl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	cat := i18n.Builtin()
	textKey := regexp.MustCompile(`(?:{{|\()t "([a-z_.]+)"`)
	variantKey := regexp.MustCompile(`variant "([a-z_.]+)"`)
	found := 0
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "templates/"), ".tmpl")
		if !templateName.MatchString(name) {
			t.Errorf("%s: not named <template>.tmpl", f)
			continue
		}
		tpl, err := lookup(name)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, part := range []string{"subject", "body"} {
			if tpl.Lookup(part) == nil {
				t.Errorf("%s: no {{define %q}}", f, part)
			}
		}
		src, _ := fs.ReadFile(templatesFS, f)
		for _, m := range textKey.FindAllStringSubmatch(string(src), -1) {
			found++
			if !cat.Has("message." + m[1]) {
				t.Errorf("%s: the catalogs lack message.%s", f, m[1])
			}
		}
		for _, m := range variantKey.FindAllStringSubmatch(string(src), -1) {
			if !cat.Has("message." + m[1] + ".other") {
				t.Errorf("%s: the catalogs lack message.%s.other", f, m[1])
			}
		}
	}
	if found < 30 {
		t.Errorf("found only %d catalog entries named; is the scan broken?", found)
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

// TestEveryMessageSpeaksEveryLanguage renders each template in each
// language with every piece of data given, and checks that none falls
// back to another language or leaves a placeholder unfilled.
func TestEveryMessageSpeaksEveryLanguage(t *testing.T) {
	data := map[string]any{
		"title": "T", "text": "X", "url": "http://accord.test/x", "name": "Awa", "role": "coordinator",
		"expires": "2026-05-01", "event": "submit", "organization": "Uwazi Trust", "comment": "C",
		"deadline": "2026-05-01", "renewal_due": "2027-05-01", "country": "KE", "region": "AFR",
		"conference": "CoSP 11", "code": "CoSP11", "state": "accredited", "number": 2, "count": 14,
		"late": true, "grounds": "G",
	}
	files, _ := fs.Glob(templatesFS, "templates/*.tmpl")
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "templates/"), ".tmpl")
		bodies := map[string]string{}
		for _, l := range i18n.Locales {
			r, err := render(name, l, data)
			if err != nil || r.Locale != l || r.Subject == "" {
				t.Errorf("%s in %s: %+v, %v", name, l, r, err)
				continue
			}
			if placeholder.MatchString(r.Subject + r.Body) {
				t.Errorf("%s in %s leaves a placeholder: %s\n%s", name, l, r.Subject, r.Body)
			}
			bodies[l] = r.Body
		}
		for _, l := range []string{"ar", "fr", "es"} {
			if bodies[l] == bodies["en"] {
				t.Errorf("%s: the %s body is the English one", name, l)
			}
		}
	}
}
