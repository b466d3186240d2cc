package webui

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
)

type verifyBadgeData struct {
	Check     *accreditation.BadgeCheck
	ConfTitle string
}

// verifyBadge is where a badge's QR code leads: anyone learns whether the
// badge is valid and whose it is, in their own language, on a phone at
// the door. A scanner that asks for JSON (docs/api.md, Badge verification)
// gets the same answer as JSON.
func (ui *UI) verifyBadge(c echo.Context) error {
	ctx := c.Request().Context()
	check, err := ui.accreditation.VerifyBadge(ctx, actorOf(c), c.Param("token"))
	if err != nil {
		return err
	}
	c.Response().Header().Add(echo.HeaderVary, echo.HeaderAccept)
	// Whether the holder has checked in changes at the door: never cached.
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	if strings.Contains(c.Request().Header.Get(echo.HeaderAccept), echo.MIMEApplicationJSON) {
		return c.JSON(http.StatusOK, check)
	}
	p := ui.newPage(c, "badge.title")
	d := verifyBadgeData{Check: check}
	if check.Valid {
		conf, err := ui.accreditation.GetConference(ctx, actorOf(c), check.Conference)
		switch {
		case err == nil:
			d.ConfTitle = conf.LocalTitle(p.Locale)
		case accord.KindOf(err) == accord.KindNotFound:
			d.ConfTitle = check.ConferenceTitle
		default:
			return err
		}
	}
	p.Data = d
	return ui.render(c, http.StatusOK, "accreditation_verify", p)
}
