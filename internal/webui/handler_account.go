package webui

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/i18n"
)

type accountData struct {
	Name, Email, Role, Locale string
	// FormName says which of the page's forms the errors belong to.
	FormName string
}

// account shows who is signed in and lets them choose their language,
// change their password and sign out everywhere.
func (ui *UI) account(c echo.Context) error {
	return ui.renderAccount(c, http.StatusOK, ui.newPage(c, "account.title"), "")
}

func (ui *UI) renderAccount(c echo.Context, status int, p *Page, formName string) error {
	u, err := ui.auth.Me(c.Request().Context(), actorOf(c))
	if err != nil {
		return err
	}
	p.Data = accountData{Name: u.Name, Email: u.Email, Role: string(u.Role), Locale: u.Locale, FormName: formName}
	return ui.render(c, status, "account", p)
}

// setLanguage saves the user's language, for pages and for mails, and
// makes it this browser's choice too: a language picked earlier from the
// switcher would otherwise keep overriding it here.
func (ui *UI) setLanguage(c echo.Context) error {
	locale := c.FormValue("locale")
	if err := ui.auth.SetLocale(c.Request().Context(), actorOf(c), locale); err != nil {
		p := ui.newPage(c, "account.title")
		if !p.Form.showErrors(err, "locale") {
			return err
		}
		return ui.renderAccount(c, statusOf(err), p, "language")
	}
	if i18n.Supported(locale) {
		ui.setCookie(c, langCookie, locale, langLifetime)
	}
	return redirect(c, "/account?notice=language_saved")
}

// changePassword replaces the password. auth then ends every session,
// this one included, so the person signs in again with the new password.
func (ui *UI) changePassword(c echo.Context) error {
	p := ui.newPage(c, "account.title")
	current, next := c.FormValue("current_password"), c.FormValue("new_password")
	if current == "" {
		p.Form.Fail("current_password", "err.required")
	}
	if next == "" {
		p.Form.Fail("new_password", "err.required")
	} else if next != c.FormValue("new_password_confirm") {
		p.Form.Fail("new_password_confirm", "err.password_mismatch")
	}
	if !p.Form.HasErrors() {
		err := ui.auth.ChangePassword(c.Request().Context(), actorOf(c), current, next)
		if err != nil && !p.Form.showErrors(err, "current_password", "new_password") {
			return err
		}
	}
	if p.Form.HasErrors() {
		return ui.renderAccount(c, http.StatusUnprocessableEntity, p, "password")
	}
	ui.clearSession(c)
	ui.newCSRFSeed(c)
	return redirect(c, "/login?notice=password_changed")
}
