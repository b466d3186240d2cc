package webui

import (
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/auth"
)

// doorBlock is the door's part of the conference page, for the
// secretariat: how many are in, a way to the door page, and a form that
// creates door staff accounts bound to the conference.
type doorBlock struct {
	ConferenceID, Code string
	Checked, Expected  int
	Created            bool // a door account was just created
}

// conferenceDoorBlock reads the live count from the conference's bundle.
func (ui *UI) conferenceDoorBlock(c echo.Context, conf *accreditation.Conference) (*doorBlock, error) {
	b, err := ui.accreditation.CheckinBundle(c.Request().Context(), actorOf(c), conf.ID)
	if err != nil {
		return nil, err
	}
	return &doorBlock{ConferenceID: conf.ID, Code: conf.Code, Checked: b.CheckedIn(), Expected: len(b.Badges),
		Created: c.QueryParam("door") == "created"}, nil
}

// createDoorAccount invites a door staff member of the conference; the
// invitation is mailed as every staff invitation is.
func (ui *UI) createDoorAccount(c echo.Context) error {
	ctx, actor := c.Request().Context(), actorOf(c)
	conf, err := ui.accreditation.GetConference(ctx, actor, c.Param("id"))
	if err != nil {
		return err
	}
	_, _, err = ui.auth.CreateUser(ctx, actor, auth.CreateUserInput{
		Email: strings.TrimSpace(c.FormValue("email")), Name: strings.TrimSpace(c.FormValue("name")),
		Role: accord.RoleDoor, ConferenceID: conf.ID, Locale: visitOf(c).locale,
	})
	if err != nil {
		return err
	}
	return redirect(c, "/conferences/"+url.PathEscape(conf.Code)+"?door=created#door")
}
