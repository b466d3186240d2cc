package webui

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accreditation"
)

type referralsData struct {
	Conf       *accreditation.Conference
	ConfTitle  string
	DaysBefore int
	Items      []referralItem
}

type referralItem struct {
	accreditation.CirculatedRequest
	Org        orgView
	Objections []objectionRow
	Decision   *decisionForm
}

// referralsPage lists the requests referred to the Conference because an
// objection stood at the deadline, with the time left before the
// opening — decisions that come too late leave an admitted NGO no time
// to travel — their objections and replies, and the form that records
// the Conference's decision.
func (ui *UI) referralsPage(c echo.Context) error {
	return ui.renderReferrals(c, http.StatusOK, ui.newPage(c, "referrals.title"), c.Param("id"))
}

func (ui *UI) renderReferrals(c echo.Context, status int, p *Page, confID string) error {
	if err := requireSecretariat(c); err != nil {
		return err
	}
	ctx, actor := c.Request().Context(), actorOf(c)
	conf, items, names, err := ui.readCirculated(ctx, actor, p, confID)
	if err != nil {
		return err
	}
	d := referralsData{Conf: conf, ConfTitle: conf.LocalTitle(p.Locale), DaysBefore: daysBefore(conf, ui.now())}
	for _, it := range items {
		if it.State != accreditation.RequestReferred {
			continue
		}
		objections, err := ui.objectionRows(ctx, actor, p, &it.RequestView, names, "referrals")
		if err != nil {
			return err
		}
		_, decision := requestForms(&it.RequestView, backReferrals)
		d.Items = append(d.Items, referralItem{CirculatedRequest: it, Org: listedView(it.Organization, names, p),
			Objections: objections, Decision: decision})
	}
	p.Title = p.T("referrals.heading", "conference", conf.Code)
	p.Data = d
	return ui.render(c, status, "accreditation_referrals", p)
}
