package export

import "testing"

func TestNeutralize(t *testing.T) {
	tests := []struct{ in, want string }{
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{"+1", "'+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"+20 2 2794 1234", "'+20 2 2794 1234"},
		{"=1+1", "'=1+1"},
		{"-", "'-"},
		{"-.5", "'-.5"},
		{"-5.", "'-5."},
		{"-1-1", "'-1-1"},
		// Plain negative numbers are numbers to every spreadsheet.
		{"-5", "-5"},
		{"-12.50", "-12.50"},
		// Ordinary text, including Arabic, passes untouched.
		{"", ""},
		{"Transparency International", "Transparency International"},
		{"الجمعية المصرية للشفافية", "الجمعية المصرية للشفافية"},
		{"a=1", "a=1"},
		{" =1", " =1"},
		{"'=1", "'=1"},
	}
	for _, tt := range tests {
		if got := Neutralize(tt.in); got != tt.want {
			t.Errorf("Neutralize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
