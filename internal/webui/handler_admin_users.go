package webui

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

type adminUsersData struct {
	Query string
	Users []auth.User
}

// adminUsers lists the accounts for the admin and the secretariat, with a
// search by address or name, so that an account whose mail never arrives
// can be found and verified by hand.
func (ui *UI) adminUsers(c echo.Context) error {
	q := strings.TrimSpace(c.QueryParam("q"))
	users, err := ui.auth.ListUsers(c.Request().Context(), actorOf(c), q)
	if err != nil {
		return err
	}
	p := ui.newPage(c, "admin_users.title")
	p.Data = adminUsersData{Query: q, Users: users}
	return ui.render(c, http.StatusOK, "admin_users", p)
}

// adminVerifyUser marks one account's address verified and goes back to
// the list as it was searched.
func (ui *UI) adminVerifyUser(c echo.Context) error {
	if err := ui.auth.VerifyUser(c.Request().Context(), actorOf(c), c.Param("id")); err != nil {
		return err
	}
	back := "/admin/users?notice=user_verified"
	if q := strings.TrimSpace(c.FormValue("q")); q != "" {
		back += "&q=" + url.QueryEscape(q)
	}
	return redirect(c, back)
}

// adminUsersNav is the users page's link, for those who may see it.
func adminUsersNav(role accord.Role) bool {
	return role == accord.RoleAdmin || role == accord.RoleSecretariat
}
