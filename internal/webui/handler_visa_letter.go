package webui

import (
	"errors"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/httpreply"
	"github.com/accord-coalition/accord/internal/i18n"
)

// generateVisaLetter writes a delegate's visa support letter in the
// language chosen and returns to the request, where the letter is ready
// to download. A refusal shows beside the button, in the reader's
// language.
func (ui *UI) generateVisaLetter(c echo.Context) error {
	ctx, actor, id := c.Request().Context(), actorOf(c), c.Param("id")
	// The delegate is read first for the page to come back to; a stranger
	// to it gets the 404 the service would give.
	d, err := ui.accreditation.GetDelegate(ctx, actor, id)
	if err != nil {
		return err
	}
	locale := c.FormValue("locale")
	if !i18n.Supported(locale) {
		locale = visitOf(c).locale
	}
	page := "/accreditation-requests/" + d.AccreditationRequestID
	_, err = ui.reports.GenerateVisaLetter(ctx, actor, id, locale)
	if err == nil {
		return redirect(c, page+"?notice=acc_visa_letter_generated#delegate-"+id)
	}
	key, ok := visaLetterErrorKey(err)
	if !ok {
		return err
	}
	p := ui.newPage(c, "request.title")
	p.Form.setScope(visaScope(id))
	p.Form.Set("locale", locale)
	p.Form.Fail("letter", key)
	return ui.renderRequest(c, statusOf(err), p, d.AccreditationRequestID)
}

// visaLetterErrorKey is the catalog key of a refusal the letter form can
// meet: the request not accredited or the delegate not confirmed (409),
// no letter asked for or no passport number on file (422). Others belong
// on an error page.
func visaLetterErrorKey(err error) (string, bool) {
	var ae *accord.Error
	if !errors.As(err, &ae) {
		return "", false
	}
	switch ae.Kind {
	case accord.KindConflict:
		// The service words its two conflicts for API clients; the
		// delegate's is told from the request's by its subject.
		if strings.Contains(ae.Message, "the delegate is") {
			return "err.visa_confirm_first", true
		}
		return "err.visa_not_accredited", true
	case accord.KindInvalid:
		for _, fe := range ae.Fields {
			switch fe.Field {
			case "needs_visa_letter":
				return "err.visa_not_requested", true
			case "passport_number":
				return "err.visa_no_passport", true
			}
		}
		return "err.invalid", true
	}
	return "", false
}

// visaLetterPDF sends a delegate's latest visa letter, to the secretariat
// and the applicants of the delegate's organisation; the service audits
// the download and hides the delegate from anyone else.
func (ui *UI) visaLetterPDF(c echo.Context) error {
	l, pdf, err := ui.reports.VisaLetterPDF(c.Request().Context(), actorOf(c), c.Param("id"))
	if err != nil {
		return err
	}
	// The letter prints a passport number: Attachment lets no cache keep it.
	return httpreply.Attachment(c, "visa-letter-"+l.DelegateID+".pdf", "application/pdf", pdf)
}
