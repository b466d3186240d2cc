package webui_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/i18n"
	"github.com/accord-coalition/accord/web"
)

// TestEveryKeyUsedExists reads the templates and this package's code for
// the catalog keys they name and fails on any English lacks: a typo in a
// key would otherwise show the bare key on a page.
func TestEveryKeyUsedExists(t *testing.T) {
	cat, err := i18n.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	prefixes := map[string]bool{}
	for _, k := range cat.Keys() {
		prefixes[strings.SplitN(k, ".", 2)[0]] = true
	}
	keyRE := regexp.MustCompile(`"([a-z]+\.[a-z0-9_]+)"`)
	fileName := regexp.MustCompile(`\.(html|css|svg|js|json|go)$`)
	check := func(file, src string) int {
		n := 0
		for _, m := range keyRE.FindAllStringSubmatch(src, -1) {
			key := m[1]
			if !prefixes[strings.SplitN(key, ".", 2)[0]] || strings.HasSuffix(key, "_") || fileName.MatchString(key) {
				continue
			}
			n++
			if !cat.Has(key) {
				t.Errorf("%s names %q, which the catalogs lack", file, key)
			}
		}
		return n
	}
	found := 0
	err = fs.WalkDir(web.Templates, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(web.Templates, p)
		found += check(p, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		found += check(f, string(b))
	}
	if found < 100 {
		t.Errorf("found only %d key uses; is the scan broken?", found)
	}
	// Keys built at run time: each variant must exist.
	for _, w := range []string{"open", "upcoming", "closed"} {
		if !cat.Has("conferences.window_" + w) {
			t.Errorf("conferences.window_%s missing", w)
		}
	}
	for _, r := range []string{"applicant", "coordinator", "secretariat", "state_party", "admin"} {
		if !cat.Has("role." + r) {
			t.Errorf("role.%s missing", r)
		}
	}
	for _, f := range []string{"name", "email", "password", "password_confirm", "current_password", "new_password", "new_password_confirm", "locale"} {
		if !cat.Has("field." + f) {
			t.Errorf("field.%s missing", f)
		}
	}
}

// TestStylesheetIsDirectionNeutral: the one stylesheet serves both
// directions, so it may use logical properties only.
func TestStylesheetIsDirectionNeutral(t *testing.T) {
	b, err := fs.ReadFile(web.Static, "accord.css")
	if err != nil {
		t.Fatal(err)
	}
	css := regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(string(b), "")
	physical := regexp.MustCompile(`(?m)(?:^|[\s;{])((?:margin|padding|border)-(?:left|right)[a-z-]*|left|right|float|clear)\s*:|text-align\s*:\s*(?:left|right)|(?:border-)?(?:top|bottom)-(?:left|right)-radius`)
	for _, m := range physical.FindAllString(css, -1) {
		t.Errorf("stylesheet uses a physical direction: %q", strings.TrimSpace(m))
	}
	for _, host := range []string{"http://", "https://", "@import", "url("} {
		if strings.Contains(css, host) {
			t.Errorf("stylesheet loads something (%s); nothing may come from elsewhere", host)
		}
	}
	for _, want := range []string{"margin-inline", "padding-inline", "inset-inline-start", ":focus-visible", `"Noto Naskh Arabic"`, "Tahoma"} {
		if !strings.Contains(css, want) {
			t.Errorf("stylesheet lacks %s", want)
		}
	}
}

// TestTemplatesHaveNoInlineScriptOrStyle: the server's CSP forbids them,
// so a browser would ignore them anyway. A script file of web/static,
// loaded by its address with an empty tag, is what the CSP allows.
func TestTemplatesHaveNoInlineScriptOrStyle(t *testing.T) {
	bad := regexp.MustCompile(`(?i)<script|<style|\sstyle="|\son[a-z]+="|javascript:`)
	ownScript := regexp.MustCompile(`<script src="\{\{\.Asset "[a-z_]+\.js"\}\}" defer></script>`)
	err := fs.WalkDir(web.Templates, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(web.Templates, p)
		for _, m := range bad.FindAllString(ownScript.ReplaceAllString(string(b), ""), -1) {
			t.Errorf("%s: %q", p, m)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
