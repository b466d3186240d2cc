package report

import (
	"io"
	"strings"

	"github.com/accord-coalition/accord/internal/export"
	"github.com/accord-coalition/accord/internal/i18n"
)

// letterText is a sentence of the visa letter, the catalogs'
// visa_letter.<key>, in locale with its placeholders filled.
func letterText(key, locale string, args ...string) string {
	return text("visa_letter."+key, locale, args...)
}

// writeLetter writes the one-page letter: the day, the title, the
// salutation, what the secretariat certifies, what it asks, the letter's
// reference and the closing, laid out right to left in Arabic.
func writeLetter(w io.Writer, f *letterFacts) error {
	l := f.locale
	doc, err := export.NewDocument(w, export.DocumentOptions{Title: letterText("title", l), Locale: l})
	if err != nil {
		return err
	}
	d := f.delegate
	name := strings.Join(strings.Fields(d.Title+" "+d.GivenName+" "+strings.ToUpper(d.FamilyName)), " ")
	original := strings.TrimSpace(d.GivenNameOriginal + " " + d.FamilyNameOriginal)
	if original != "" {
		original = " (" + original + ")"
	}
	org := f.organization.Name
	if en := f.organization.NameEN; en != "" && en != org {
		org += " (" + en + ")"
	}
	nationality := f.nationality
	if nationality == "" {
		nationality = "—"
	}
	c := f.conference
	_ = doc.Paragraph(i18n.FormatDate(l, f.date), export.AutoDirection)
	_ = doc.Heading(letterText("title", l))
	_ = doc.Paragraph(letterText("salutation", l), export.AutoDirection)
	_ = doc.Paragraph(letterText("body", l,
		"name", name, "original", original, "nationality", nationality, "passport", f.passport,
		"organization", org, "conference", c.LocalTitle(l), "code", c.Code, "venue", c.Venue,
		"start", i18n.FormatDate(l, c.StartsOn.Time), "end", i18n.FormatDate(l, c.EndsOn.Time)), docDirection(l))
	_ = doc.Paragraph(letterText("request", l), docDirection(l))
	_ = doc.Paragraph(letterText("reference", l, "reference", f.reference), docDirection(l))
	_ = doc.Space(12)
	_ = doc.Paragraph(letterText("closing", l), docDirection(l))
	return doc.Close()
}

// docDirection is the base direction of the letter's own sentences: they
// hold names in other scripts, which must not decide it.
func docDirection(locale string) export.Direction {
	if locale == "ar" {
		return export.RightToLeft
	}
	return export.LeftToRight
}
