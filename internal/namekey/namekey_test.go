package namekey

import "testing"

func TestOf(t *testing.T) {
	cases := []struct{ a, b string }{
		{"الجمعيّة المصرية", "الجمعية المصريه"}, // shadda, taa marbuta
		{"أمانة الشفافية", "امانه الشفافيه"},    // hamza on alef
		{"إصلاح", "اصلاح"},                      // hamza under alef
		{"آفاق", "افاق"},                        // madda
		{"مبنى", "مبني"},                        // alef maqsura
		{"الشفافـــية", "الشفافية"},             // tatweel
		{"شَفَافِيَّة", "شفافيه"},               // harakat
		{"Société Civile", "societe civile"},    // accents and case
		{"  Transparency   International ", "transparency international"},
		{"Anti-Corruption, Now!", "anti corruption now"},
		{"ＡＢＣ", "abc"}, // full-width Latin
	}
	for _, c := range cases {
		if got, want := Of(c.a), Of(c.b); got != want {
			t.Errorf("Of(%q) = %q, Of(%q) = %q; want equal", c.a, got, c.b, want)
		}
	}
	if Of("الجمعية") == Of("الجمعيات") {
		t.Error("different words must keep different keys")
	}
	if got := Of("Société"); got != "societe" {
		t.Errorf("Of(Société) = %q, want societe", got)
	}
}

func TestRegistration(t *testing.T) {
	if Registration("RC 12/345") != Registration("rc-12345") {
		t.Error("registration numbers differing only in punctuation and case must match")
	}
	if Registration("12345") == Registration("12346") {
		t.Error("different numbers must not match")
	}
}
