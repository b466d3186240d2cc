package webui

import (
	"context"
	"slices"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/i18n"
)

// visaLetterView is what a delegate's card shows of its visa support
// letter: the latest one to download, if any, and for the secretariat the
// form that writes a new one.
type visaLetterView struct {
	DelegateID string
	// Latest is when the latest letter still kept was written, and in
	// which language; zero when there is none.
	Latest       time.Time
	LatestLocale string
	LatestName   string // the language's own name
	// Generate offers the form; Waiting explains why it is not offered
	// yet: the delegate is not confirmed.
	Generate, Waiting bool
	Scope             string
	Locale            ChoiceField
	// Button is the form's button, and where a refusal shows; the error
	// summary links to it (to the waiting note when there is no form).
	Button Field
}

// letterStates are the delegates report writes letters for: those the
// secretariat confirmed. Offering the button for others would only lead
// to a refusal.
var letterStates = []string{accreditation.DelegateConfirmed, accreditation.DelegateBadgeIssued, accreditation.DelegateCheckedIn}

// visaScope names the letter form of a delegate among the page's forms.
func visaScope(delegateID string) string { return delegateID + "-visa_letter" }

// addVisaLetters puts on each delegate who asked for a visa letter what
// the reader may do with it. Without the report service the pages show
// nothing of letters.
func (ui *UI) addVisaLetters(ctx context.Context, actor accord.Actor, p *Page, d *requestData) error {
	if ui.reports == nil || len(d.Delegates) == 0 {
		return nil
	}
	latest, err := ui.reports.LatestVisaLetters(ctx, actor, d.R.ID)
	if err != nil {
		return err
	}
	secretariat := actor.Is(accord.RoleSecretariat)
	accredited := d.R.State == accreditation.RequestAccredited
	for i := range d.Delegates {
		row := &d.Delegates[i]
		scope := visaScope(row.ID)
		// A refused form shows its refusal on the delegate it was sent
		// for, even one the page offers no form for.
		sent := p.Form.values[scopeKey] == scope
		if !row.NeedsVisaLetter && !sent {
			continue
		}
		v := &visaLetterView{DelegateID: row.ID, Scope: scope}
		if l, ok := latest[row.ID]; ok {
			v.Latest, v.LatestLocale, v.LatestName = l.CreatedAt, l.Locale, i18n.Endonym(l.Locale)
		}
		if secretariat && accredited && row.NeedsVisaLetter {
			v.Generate = slices.Contains(letterStates, row.State)
			v.Waiting = row.State == accreditation.DelegateNominated
		}
		v.Button = p.ScopedField(scope, "letter", "delegates.visa_generate", "submit")
		if v.Generate {
			v.Locale = visaLocaleField(p, scope)
		}
		if v.Generate || v.Waiting || sent || !v.Latest.IsZero() {
			row.Visa = v
		}
	}
	return nil
}

// visaLocaleField is the language select of a letter form: the page's
// language unless the form sent back chose another. Each language is
// named in itself, as the language switcher names them.
func visaLocaleField(p *Page, scope string) ChoiceField {
	f := ChoiceField{Field: p.ScopedField(scope, "locale", "delegates.visa_locale", "select")}
	picked := p.Locale
	if i18n.Supported(f.Value) {
		picked = f.Value
	}
	for _, l := range i18n.Locales {
		c := Choice{Value: l, Label: i18n.Endonym(l), Selected: l == picked}
		if l != p.Locale {
			c.Lang = l
		}
		f.Choices = append(f.Choices, c)
	}
	return f
}
