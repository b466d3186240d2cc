package webui

import (
	"net/http"
	"net/url"
	"strings"
)

// formPage is the address of the page a form was sent from, from its
// Referer, when that is a page of this site; "" otherwise. A page that
// answers the form with an error names it (Page.PageURL), so that reloading
// shows that page again rather than sending the form a second time (the
// same address too: replacing it drops the form from the reload).
func formPage(r *http.Request) string {
	ref, err := url.Parse(r.Referer())
	if err != nil || ref.Host != r.Host || !strings.HasPrefix(ref.Path, "/") || strings.HasPrefix(ref.Path, "//") {
		return ""
	}
	return ref.RequestURI()
}
