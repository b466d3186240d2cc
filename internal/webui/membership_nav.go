package webui

import (
	"strings"

	"github.com/accord-coalition/accord/internal/accord"
)

// membershipNavigation is the header's links to the membership pages for
// the reader's role: an applicant's organisation and application, the
// review queue of coordinators and the secretariat, and the secretariat's
// memberships. An application's own page marks the link it belongs under.
func membershipNavigation(p *Page, path string, link func(href, key string) NavLink) []NavLink {
	onApplication := strings.HasPrefix(path, "/applications/")
	var out []NavLink
	switch p.Role {
	case accord.RoleApplicant:
		app := link("/application", "nav.application")
		app.Current = app.Current || onApplication
		out = append(out, link("/organization", "nav.organization"), app)
	case accord.RoleCoordinator, accord.RoleSecretariat:
		queue := link("/review", "nav.review")
		queue.Current = queue.Current || onApplication
		out = append(out, queue)
		if p.Role == accord.RoleSecretariat {
			out = append(out, link("/memberships", "nav.memberships"))
		}
	}
	return out
}
