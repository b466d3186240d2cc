package i18n

import "testing"

func TestPluralCategory(t *testing.T) {
	cases := []struct {
		locale string
		n      int
		want   Category
	}{
		{"ar", 0, Zero}, {"ar", 1, One}, {"ar", 2, Two},
		{"ar", 3, Few}, {"ar", 10, Few}, {"ar", 103, Few}, {"ar", 1010, Few},
		{"ar", 11, Many}, {"ar", 99, Many}, {"ar", 111, Many}, {"ar", 1099, Many},
		{"ar", 100, Other}, {"ar", 101, Other}, {"ar", 102, Other}, {"ar", 1000, Other},
		{"en", 0, Other}, {"en", 1, One}, {"en", 2, Other}, {"en", 11, Other},
		{"es", 0, Other}, {"es", 1, One}, {"es", 2, Other},
		{"fr", 0, One}, {"fr", 1, One}, {"fr", 2, Other}, {"fr", 100, Other},
	}
	for _, c := range cases {
		if got := PluralCategory(c.locale, c.n); got != c.want {
			t.Errorf("PluralCategory(%s, %d) = %s, want %s", c.locale, c.n, got, c.want)
		}
	}
}

// TestArabicPluralForms checks the six Arabic forms end to end, through
// the real catalog: the words differ, not just the number.
func TestArabicPluralForms(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "لا توجد منظمات معروضة"},
		{1, "منظمة واحدة معروضة"},
		{2, "منظمتان معروضتان"},
		{3, "3 منظمات معروضة"},
		{11, "11 منظمة معروضة"},
		{100, "100 منظمة معروضة"},
		{1003, "1,003 منظمات معروضة"},
	} {
		if got := c.N("ar", "directory.count", tc.n, nil); got != tc.want {
			t.Errorf("N(ar, directory.count, %d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	if got := c.N("fr", "directory.count", 0, nil); got != "0 organisation affichée" {
		t.Errorf("French 0 takes the singular: got %q", got)
	}
	if got := c.N("en", "directory.count", 1, nil); got != "1 organisation shown" {
		t.Errorf("en 1 = %q", got)
	}
	if got := c.N("es", "directory.count", 12345, nil); got != "12.345 organizaciones mostradas" {
		t.Errorf("es 12345 = %q", got)
	}
}
