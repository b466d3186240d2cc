package webui

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/auth"
)

// register opens an applicant account in the page's language, which
// becomes the account's language for pages and mails. What the form alone
// can tell (a blank field, the two passwords differing) is checked first,
// since with such a mistake no account may be created at all; the rules
// themselves are auth's.
func (ui *UI) register(c echo.Context) error {
	p := ui.newPage(c, "register.title")
	p.Form.Keep(c, "name", "email")
	name, email := c.FormValue("name"), c.FormValue("email")
	password := c.FormValue("password")
	if strings.TrimSpace(name) == "" {
		p.Form.Fail("name", "err.required")
	}
	if strings.TrimSpace(email) == "" {
		p.Form.Fail("email", "err.required")
	}
	if password == "" {
		p.Form.Fail("password", "err.required")
	} else if password != c.FormValue("password_confirm") {
		p.Form.Fail("password_confirm", "err.password_mismatch")
	}
	in := auth.RegisterInput{Email: email, Password: password, Name: name, Locale: p.Locale}
	if p.Form.HasErrors() {
		// Every error at once: what registering would refuse too (an
		// address that is not one, a short password), not in a second round.
		p.Form.showMoreErrors(auth.CheckRegistration(in), "name", "email", "password")
	} else {
		_, err := ui.auth.Register(c.Request().Context(), in)
		if err != nil && !p.Form.showErrors(err, "name", "email", "password") {
			return err
		}
	}
	if p.Form.HasErrors() {
		return ui.render(c, http.StatusUnprocessableEntity, "register", p)
	}
	if ui.cfg.EmailVerification {
		return redirect(c, "/login?notice=registered_verify")
	}
	return redirect(c, "/login?notice=registered")
}
