package webui

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
)

// Outcomes of a scan at the door.
const (
	scanCheckedIn = "checked_in"
	scanAlready   = "already"
	scanInvalid   = "invalid"
)

type checkinData struct {
	Result  string // one of the outcomes, "" before the first scan
	Checkin *accreditation.Checkin
	// Earlier is the badge already used: whose, and when it was.
	Earlier *accreditation.BadgeCheck
}

// checkinPage is the door: one field that a keyboard-wedge scanner types
// into, and, where the browser can, a camera that reads the badge's QR
// code (checkin.js). It works without the script.
func (ui *UI) checkinPage(c echo.Context) error {
	if err := requireSecretariat(c); err != nil {
		return err
	}
	p := ui.newPage(c, "checkin.title")
	p.Data = checkinData{}
	return ui.render(c, http.StatusOK, "accreditation_checkin", p)
}

// checkIn records a scan and shows the outcome large, with the field
// ready for the next badge: 201 checked in, 409 already checked in, 422
// not a valid badge.
func (ui *UI) checkIn(c echo.Context) error {
	if err := requireSecretariat(c); err != nil {
		return err
	}
	ctx, actor := c.Request().Context(), actorOf(c)
	p := ui.newPage(c, "checkin.title")
	token := scannedToken(c.FormValue("token"))
	ci, err := ui.accreditation.CheckIn(ctx, actor, token)
	d := checkinData{Checkin: ci}
	status := http.StatusCreated
	switch {
	case err == nil:
		d.Result = scanCheckedIn
	case accord.KindOf(err) == accord.KindConflict:
		d.Result, status = scanAlready, http.StatusConflict
		// Whose badge and since when, for the person at the door.
		if d.Earlier, err = ui.accreditation.VerifyBadge(ctx, actor, token); err != nil {
			return err
		}
	case accord.KindOf(err) == accord.KindInvalid:
		d.Result, status = scanInvalid, http.StatusUnprocessableEntity
	default:
		return err
	}
	p.Data = d
	return ui.render(c, status, "accreditation_checkin", p)
}

// scannedToken is the badge token in what a scanner typed: the QR code
// holds the whole verification address, ending in the token.
func scannedToken(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndex(s, "/verify/"); i >= 0 {
		s = s[i+len("/verify/"):]
	}
	if i := strings.IndexAny(s, "?#/"); i >= 0 {
		s = s[:i]
	}
	return s
}
