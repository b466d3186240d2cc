package report

import (
	"io"
	"strings"

	"github.com/accord-coalition/accord/internal/export"
	"github.com/accord-coalition/accord/internal/i18n"
)

// letterTexts are the visa letter's sentences in its four languages.
var letterTexts = map[string]map[string]string{
	"title": {
		"ar": "رسالة دعم طلب تأشيرة", "en": "Visa support letter",
		"fr": "Lettre d'appui à une demande de visa", "es": "Carta de apoyo a una solicitud de visado",
	},
	"salutation": {
		"ar": "إلى من يهمه الأمر", "en": "To whom it may concern",
		"fr": "À qui de droit", "es": "A quien corresponda",
	},
	"body": {
		"ar": "تشهد أمانة التحالف بأن {name}{original}، الجنسية: {nationality}، رقم جواز السفر: {passport}، عضو في وفد {organization}، وهي منظمة معتمدة لدى {conference} ({code})، الذي سيُعقد في {venue} من {start} إلى {end}.",
		"en": "The secretariat of the coalition certifies that {name}{original}, nationality: {nationality}, passport number: {passport}, is a member of the delegation of {organization}, an organisation accredited to the {conference} ({code}), to be held at {venue} from {start} to {end}.",
		"fr": "Le secrétariat de la coalition certifie que {name}{original}, nationalité : {nationality}, passeport n° {passport}, fait partie de la délégation de {organization}, organisation accréditée auprès de la {conference} ({code}), qui se tiendra à {venue} du {start} au {end}.",
		"es": "La secretaría de la coalición certifica que {name}{original}, nacionalidad: {nationality}, pasaporte n.º {passport}, forma parte de la delegación de {organization}, organización acreditada ante la {conference} ({code}), que se celebrará en {venue} del {start} al {end}.",
	},
	"request": {
		"ar": "نرجو من السلطات المختصة تسهيل منح تأشيرة الدخول اللازمة لحضور المؤتمر طوال مدة انعقاده.",
		"en": "We kindly ask the competent authorities to facilitate the issue of an entry visa for the duration of the conference.",
		"fr": "Nous prions les autorités compétentes de bien vouloir faciliter la délivrance d'un visa d'entrée pour la durée de la conférence.",
		"es": "Rogamos a las autoridades competentes que faciliten la expedición de un visado de entrada para la duración de la conferencia.",
	},
	"reference": {
		"ar": "الرقم المرجعي: {reference}", "en": "Reference: {reference}",
		"fr": "Référence : {reference}", "es": "Referencia: {reference}",
	},
	"closing": {
		"ar": "مع خالص التحية،\nالأمانة", "en": "Yours faithfully,\nThe Secretariat",
		"fr": "Veuillez agréer l'expression de notre haute considération.\nLe Secrétariat", "es": "Atentamente,\nLa Secretaría",
	},
}

func letterText(key, locale string, args ...string) string {
	s := letterTexts[key][locale]
	for i := 0; i+1 < len(args); i += 2 {
		s = strings.ReplaceAll(s, "{"+args[i]+"}", args[i+1])
	}
	return s
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
