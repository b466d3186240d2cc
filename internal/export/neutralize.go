package export

import "strings"

// Neutralize keeps a cell from being read as a formula by a spreadsheet
// program. Following OWASP's advice on CSV injection, a cell that starts
// with =, +, -, @, a tab or a carriage return gets a leading apostrophe: the
// text stays readable (the apostrophe is the spreadsheet's own "this is
// text" mark) and nothing is removed, so the original can still be told.
//
// A plain negative number such as "-5" or "-12.50" is left alone: every
// spreadsheet reads it as a number, never as a formula, and an apostrophe
// would spoil numeric columns. Nothing else is exempt: "+1", "-2+3" and a
// phone number such as "+20 2 2794 1234" are neutralised, since a
// spreadsheet would evaluate them.
func Neutralize(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if isNegativeNumber(s) {
		return s
	}
	return "'" + s
}

// isNegativeNumber reports whether s is "-" followed by digits with at most
// one decimal point between digits.
func isNegativeNumber(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	digits, point := 0, false
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point && digits > 0 && i < len(s)-1:
			point = true
		default:
			return false
		}
	}
	return digits > 0
}
