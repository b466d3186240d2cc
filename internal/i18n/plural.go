package i18n

// Category is a CLDR plural category: which form of a word a number takes.
type Category string

// The six CLDR plural categories. English uses two of them, Arabic all six.
const (
	Zero  Category = "zero"
	One   Category = "one"
	Two   Category = "two"
	Few   Category = "few"
	Many  Category = "many"
	Other Category = "other"
)

// Categories lists every category, in CLDR order.
var Categories = []Category{Zero, One, Two, Few, Many, Other}

// PluralCategory is the category of the whole number n in locale, by the
// CLDR cardinal rules for integers:
//
//	ar: 0 zero; 1 one; 2 two; n%100 in 3..10 few; n%100 in 11..99 many; else other
//	fr: 0 and 1 one; else other
//	en, es: 1 one; else other
//
// CLDR also gives French and Spanish a "many" form for exact millions
// ("1 000 000 de membres"); the pages never count that high, so it is left
// out and such numbers take "other".
func PluralCategory(locale string, n int) Category {
	if n < 0 {
		n = -n
	}
	switch locale {
	case "ar":
		switch m := n % 100; {
		case n == 0:
			return Zero
		case n == 1:
			return One
		case n == 2:
			return Two
		case m >= 3 && m <= 10:
			return Few
		case m >= 11 && m <= 99:
			return Many
		}
		return Other
	case "fr":
		if n == 0 || n == 1 {
			return One
		}
		return Other
	}
	if n == 1 {
		return One
	}
	return Other
}

// RequiredCategories are the categories PluralCategory can return for
// locale: every plural entry of that locale's catalog must have each.
func RequiredCategories(locale string) []Category {
	if locale == "ar" {
		return Categories
	}
	return []Category{One, Other}
}
