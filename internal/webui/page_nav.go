package webui

import (
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/i18n"
)

// navigation is the header's links for the visitor: the public pages for
// everyone, then sign-in and registration for the public, or the inbox
// and account for a signed-in user. Pages for particular roles (review
// queues, conference administration) add their links here.
func (ui *UI) navigation(c echo.Context, p *Page) []NavLink {
	path := c.Request().URL.Path
	link := func(href, key string) NavLink {
		current := path == href || (href != "/" && strings.HasPrefix(path, href+"/"))
		return NavLink{Href: href, Label: p.T(key), Current: current}
	}
	nav := []NavLink{
		link("/", "nav.home"),
		link("/directory", "nav.directory"),
		link("/conferences", "nav.conferences"),
	}
	if !p.SignedIn {
		return append(nav, link("/login", "nav.sign_in"), link("/register", "nav.register"))
	}
	if ui.members != nil {
		nav = append(nav, membershipNavigation(p, path, link)...)
	}
	if ui.accreditation != nil {
		for _, l := range accreditationNav(p.Role) {
			nav = append(nav, link(l.href, l.key))
		}
	}
	if ui.reports != nil && p.Role == accord.RoleSecretariat {
		nav = append(nav, link("/dashboard", "nav.dashboard"))
	}
	inbox := link("/inbox", "nav.inbox")
	// The unread count is a courtesy: if it cannot be had, the link stays.
	n, err := ui.auth.UnreadCount(c.Request().Context(), actorOf(c))
	if err != nil {
		ui.log.WarnContext(c.Request().Context(), "count unread messages", "error", err.Error())
	} else if n > 0 {
		inbox.Badge = i18n.FormatInt(p.Locale, n)
		inbox.BadgeLabel = p.N("nav.unread", int(n))
	}
	return append(nav, inbox, link("/account", "nav.account"))
}
