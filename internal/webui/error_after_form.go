package webui

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
)

// A form refused with an error page (a record changed or gone meanwhile,
// an expired CSRF token, a failure) is answered with See Other to
// /errors/<status>, which shows the same page at an address that reloads
// safely: reloading it does not send the form again. Only forms sent from
// a page of this site are: the page is where the error page leads back
// to. A refusal that asks to wait (429, with Retry-After) is shown where
// it happens.

// errorTextKeys are the error texts an /errors address may name, by the
// short name it carries.
var errorTextKeys = map[string]string{"csrf": "error.csrf_text"}

// errorAfterFormURL is where a form refused with status goes, or "" when
// the error page is shown where it is.
func errorAfterFormURL(r *http.Request, status int, textKey, requestID string) string {
	if r.Method != http.MethodPost || status == http.StatusTooManyRequests {
		return ""
	}
	back := formPage(r)
	if back == "" {
		return ""
	}
	q := url.Values{"back": {back}}
	if requestID != "" {
		q.Set("ref", requestID)
	}
	for name, key := range errorTextKeys {
		if key == textKey {
			q.Set("text", name)
		}
	}
	return "/errors/" + strconv.Itoa(status) + "?" + q.Encode()
}

// requestIDPattern is what a request id looks like; anything else in an
// address is not shown.
var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9-]{1,64}$`)

// errorAfterForm shows the error page a refused form was sent to, with
// its status, its reference and a link back to the form's page.
func (ui *UI) errorAfterForm(c echo.Context) error {
	status, err := strconv.Atoi(c.Param("status"))
	if err != nil || status < 400 || status > 599 {
		return ui.notFound(c)
	}
	textKey := errorTextKey(status)
	if key, ok := errorTextKeys[c.QueryParam("text")]; ok {
		textKey = key
	}
	p := ui.newPage(c, errorTitleKey(status))
	d := errorData{Text: p.T(textKey)}
	if ref := c.QueryParam("ref"); requestIDPattern.MatchString(ref) {
		d.RequestID = ref
	}
	if back := c.QueryParam("back"); strings.HasPrefix(back, "/") && !strings.HasPrefix(back, "//") && !strings.Contains(back, "\\") {
		d.Back = back
	}
	p.Data = d
	return ui.render(c, status, "error", p)
}
