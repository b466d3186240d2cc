package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
)

// TestEmbeddedCatalogsAgree fails when any language lacks a key English
// has, leaves one empty, keeps one English no longer has, lacks a plural
// form its language needs, or uses other placeholders than English.
func TestEmbeddedCatalogsAgree(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Keys()) < 100 {
		t.Fatalf("English catalog has %d keys; expected the whole web shell's", len(c.Keys()))
	}
	for _, p := range c.Problems() {
		t.Error(p)
	}
}

// sameAsEnglish are the entries a language rightly writes as English does.
var sameAsEnglish = map[string]bool{
	"fr:export.column.organization": true, // Organisation
}

// TestEmbeddedCatalogsAreTranslated catches a catalog copied from English
// and not translated: the prose keys must differ from English in every
// other language. Names (site.name) may stay the same, and so may an
// entry made only of placeholders, such as a message whose subject is
// its title.
func TestEmbeddedCatalogsAreTranslated(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	same := map[string]int{}
	for _, key := range c.Keys() {
		en := c.T("en", key, nil)
		if len(en) < 12 || !strings.ContainsFunc(placeholder.ReplaceAllString(en, ""), unicode.IsLetter) {
			continue // short words (Dates, Pages, Sessions) may coincide
		}
		for _, l := range []string{"ar", "fr", "es"} {
			if c.T(l, key, nil) == en && !sameAsEnglish[l+":"+key] {
				same[l]++
				t.Errorf("%s: %s is the English text %q", l, key, en)
			}
		}
	}
	// Arabic text must be in Arabic script.
	for _, key := range []string{"home.title", "home.about_p1", "directory.intro", "error.404_text"} {
		if !strings.ContainsAny(c.T("ar", key, nil), "ابتثجحخدذرزسشصضطظعغفقكلمنهوي") {
			t.Errorf("ar: %s is not written in Arabic script", key)
		}
	}
}

func TestProblemsFindsEveryKindOfGap(t *testing.T) {
	files := fstest.MapFS{
		"en.json": {Data: []byte(`{
			"greeting": "Hello {name}",
			"bye": "Goodbye",
			"items": {"one": "{count} item in {place}", "other": "{count} items in {place}"}
		}`)},
		"fr.json": {Data: []byte(`{
			"greeting": "Bonjour {nom}",
			"bye": "",
			"items": {"one": "{count} élément à {place}", "other": "{count} éléments à {place}"},
			"stale": "Vieux"
		}`)},
		"es.json": {Data: []byte(`{
			"greeting": "Hola {name}",
			"items": "{count} elementos"
		}`)},
		"ar.json": {Data: []byte(`{
			"greeting": "مرحبًا {name}",
			"bye": "مع السلامة",
			"items": {"zero": "لا عناصر في {place}", "one": "عنصر واحد في {place}", "two": "عنصران في {place}", "few": "{count} عناصر في {place}", "other": "{count} عنصر في {place}"}
		}`)},
	}
	c, err := Load(files)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(c.Problems(), "\n")
	for _, want := range []string{
		"fr: greeting has placeholders {nom}, English has {name}",
		"fr: bye is empty",
		"fr: stale is not in the English catalog",
		"es: bye is missing",
		"es: items is a plural entry in one language and a plain string in the other",
		`ar: items lacks the plural form "many"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems do not report %q; got:\n%s", want, got)
		}
	}
	if strings.Contains(got, "ar: greeting") || strings.Contains(got, "ar: bye") {
		t.Errorf("complete Arabic entries reported:\n%s", got)
	}
}

func TestLoadRefusesMalformedCatalogs(t *testing.T) {
	for name, data := range map[string]string{
		"not an object":    `["a"]`,
		"unknown category": `{"k": {"several": "x"}}`,
		"number value":     `{"k": 3}`,
	} {
		files := fstest.MapFS{"ar.json": {Data: []byte(data)}, "en.json": {Data: []byte(data)},
			"fr.json": {Data: []byte(data)}, "es.json": {Data: []byte(data)}}
		if _, err := Load(files); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
	if _, err := Load(fstest.MapFS{"en.json": {Data: []byte(`{}`)}}); err == nil {
		t.Error("catalog set without ar.json loaded")
	}
}

func TestTranslateFallsBackAndFills(t *testing.T) {
	files := fstest.MapFS{
		"en.json": {Data: []byte(`{"hi": "Hi {name}, you have {n} points", "only_en": "English only"}`)},
		"fr.json": {Data: []byte(`{"hi": "Salut {name}, vous avez {n} points"}`)},
		"es.json": {Data: []byte(`{}`)},
		"ar.json": {Data: []byte(`{}`)},
	}
	c, err := Load(files)
	if err != nil {
		t.Fatal(err)
	}
	var missed []string
	c.missing = func(locale, key string) { missed = append(missed, locale+":"+key) }
	if got := c.T("fr", "hi", Args{"name": "<Awa>", "n": 12500}); got != "Salut <Awa>, vous avez 12\u202f500 points" {
		t.Errorf("fr hi = %q", got)
	}
	if got := c.T("fr", "only_en", nil); got != "English only" {
		t.Errorf("fallback = %q", got)
	}
	if got := c.T("fr", "nowhere", nil); got != "nowhere" {
		t.Errorf("unknown key = %q", got)
	}
	if got := c.T("en", "hi", Args{"name": "Awa"}); got != "Hi Awa, you have {n} points" {
		t.Errorf("missing argument = %q", got)
	}
	if strings.Join(missed, ",") != "fr:only_en,fr:nowhere" {
		t.Errorf("missing keys reported: %v", missed)
	}
}
