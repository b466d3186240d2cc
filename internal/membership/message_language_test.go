package membership_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

// latinWord is a word in Latin letters: an Arabic message may hold one
// only inside the English name given beside an Arabic one, or a link.
var latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z_]+`)

// TestArabicMessagesAreWhollyArabic: the coordinator reading Arabic is
// told of a submission with the region and the country named in Arabic,
// not "MENA" and "(EG)", and the organisation named in Arabic with its
// English name beside it; the English reader gets the English names.
func TestArabicMessagesAreWhollyArabic(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("ar")
		arabic := e.Person(auth.CreateUserInput{Role: accord.RoleCoordinator, Regions: []string{"MENA"}, Locale: "ar"})
		english := e.Person(auth.CreateUserInput{Role: accord.RoleCoordinator, Regions: []string{"MENA"}, Locale: "en"})
		e.submitted(sc)

		msgs := e.messages(arabic.ID)
		if len(msgs) != 1 {
			t.Fatalf("%d messages for the Arabic coordinator", len(msgs))
		}
		m := msgs[0]
		text := m.Subject + "\n" + m.Body
		for _, want := range []string{"الشرق الأوسط وشمال أفريقيا", "مصر", sc.org.Name + " (" + sc.org.NameEN + ")"} {
			if !strings.Contains(text, want) {
				t.Errorf("the Arabic message lacks %q:\n%s", want, text)
			}
		}
		// No codes: strip the English name and the links, and no Latin
		// word is left.
		rest := strings.ReplaceAll(text, sc.org.NameEN, "")
		rest = regexp.MustCompile(`https?://\S+`).ReplaceAllString(rest, "")
		rest = strings.ReplaceAll(rest, "Accord", "")
		if words := latinWord.FindAllString(rest, -1); len(words) > 0 {
			t.Errorf("Latin words in the Arabic message: %q\n%s", words, text)
		}
		// The applicant's own Arabic message names the organisation in
		// Arabic too.
		for _, am := range e.messages(sc.applicant.ID) {
			if strings.Contains(am.Body, sc.org.NameEN) && !strings.Contains(am.Body, sc.org.Name) {
				t.Errorf("the applicant's Arabic message names the organisation in English only:\n%s", am.Body)
			}
		}

		en := e.messages(english.ID)
		if len(en) != 1 {
			t.Fatalf("%d messages for the English coordinator", len(en))
		}
		for _, want := range []string{"Middle East and North Africa", "Egypt", sc.org.NameEN} {
			if !strings.Contains(en[0].Subject+en[0].Body, want) {
				t.Errorf("the English message lacks %q:\n%s", want, en[0].Body)
			}
		}
		if strings.Contains(en[0].Body, "MENA") || strings.Contains(en[0].Body, "(EG)") {
			t.Errorf("codes in the English message:\n%s", en[0].Body)
		}
	})
}
