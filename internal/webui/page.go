package webui

import (
	"fmt"
	"net/url"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/i18n"
)

// Page is what every template is executed with: the layout's needs
// (language, direction, navigation, CSRF token) and the page's own Data.
// Its methods are the templates' vocabulary: {{.T "key"}}, {{.N "key" 3}},
// {{.Date t}}, {{.Field "email" "email" "email"}}.
type Page struct {
	Locale    string
	Dir       string
	Title     string
	CSRF      string
	SignedIn  bool
	Role      accord.Role
	Nav       []NavLink
	Languages []LanguageLink
	Notice    string
	// PageURL, on a page answering a form with an error, is the address
	// of the page the form was on: the script shows it instead of the
	// form's, so that reloading does not send the form again.
	PageURL string
	Form    *Form
	Data    any

	cat   *i18n.Catalog
	asset func(string) string
}

// NavLink is one entry of the header navigation.
type NavLink struct {
	Href, Label string
	Current     bool
	// Badge is a count shown beside the label (unread messages), and
	// BadgeLabel says what it counts, for screen readers.
	Badge, BadgeLabel string
}

// LanguageLink is one entry of the language switcher: the same page in
// another language, named in that language.
type LanguageLink struct {
	Locale, Name, Href string
	Current            bool
}

// newPage starts the page for the request with its layout filled in.
func (ui *UI) newPage(c echo.Context, titleKey string) *Page {
	v := visitOf(c)
	p := &Page{
		Locale:   v.locale,
		Dir:      i18n.Dir(v.locale),
		CSRF:     v.csrf,
		SignedIn: !v.actor.Public(),
		Role:     v.actor.Role,
		cat:      ui.cat,
		asset:    ui.assets.url,
	}
	p.Title = p.T(titleKey)
	p.Form = newForm(p)
	p.Nav = ui.navigation(c, p)
	p.Languages = languageLinks(c, v.locale)
	if key, ok := notices[c.QueryParam("notice")]; ok {
		p.Notice = p.T(key)
	}
	return p
}

// T translates key; args alternate placeholder names and values:
// {{.T "error.reference" "id" .ID}}.
func (p *Page) T(key string, args ...any) string {
	return p.cat.T(p.Locale, key, pairs(args))
}

// N translates the plural entry key in the form count takes.
func (p *Page) N(key string, count int, args ...any) string {
	return p.cat.N(p.Locale, key, count, pairs(args))
}

// Number writes n as the page's language writes numbers.
func (p *Page) Number(n int) string { return i18n.FormatInt(p.Locale, int64(n)) }

// Date writes the calendar day of t (an accord.Date or a time.Time).
func (p *Page) Date(t any) string {
	switch d := t.(type) {
	case accord.Date:
		if d.IsZero() {
			return ""
		}
		return i18n.FormatDate(p.Locale, d.Time)
	case time.Time:
		if d.IsZero() {
			return ""
		}
		return i18n.FormatDate(p.Locale, d.UTC())
	case *time.Time:
		if d == nil {
			return ""
		}
		return p.Date(*d)
	}
	return fmt.Sprint(t)
}

// DateTime writes the instant t in UTC.
func (p *Page) DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return i18n.FormatDateTime(p.Locale, t)
}

// List joins items with the list separator of the page's language: the
// Arabic comma in Arabic.
func (p *Page) List(items []string) string { return i18n.JoinList(p.Locale, items) }

// Asset is the fingerprinted address of a file of web/static.
func (p *Page) Asset(name string) string { return p.asset(name) }

// pairs turns "name", value, "name", value… into i18n.Args.
func pairs(args []any) i18n.Args {
	if len(args) == 0 {
		return nil
	}
	out := i18n.Args{}
	for i := 0; i+1 < len(args); i += 2 {
		out[fmt.Sprint(args[i])] = args[i+1]
	}
	return out
}

// languageLinks point at the current address with ?lang= set, keeping
// the rest of the query (a directory search survives a change of
// language).
func languageLinks(c echo.Context, current string) []LanguageLink {
	u := *c.Request().URL
	out := make([]LanguageLink, 0, len(i18n.Locales))
	for _, l := range i18n.Locales {
		q := u.Query()
		q.Set("lang", l)
		href := url.URL{Path: u.Path, RawQuery: q.Encode()}
		out = append(out, LanguageLink{Locale: l, Name: i18n.Endonym(l), Href: href.String(), Current: l == current})
	}
	return out
}

// notices are the one-line confirmations a redirect may ask a page to
// show with ?notice=; only these keys can be shown, so a crafted link
// cannot put words on the page.
var notices = map[string]string{
	"registered":            "notice.registered",
	"registered_verify":     "notice.registered_verify",
	"email_verified":        "notice.email_verified",
	"password_changed":      "notice.password_changed",
	"language_saved":        "notice.language_saved",
	"signed_out":            "notice.signed_out",
	"signed_out_everywhere": "notice.signed_out_everywhere",
	"invitation_accepted":   "notice.invitation_accepted",
	"sign_in_required":      "notice.sign_in_required",
	"passkey_added":         "passkey.added",
	"passkey_removed":       "passkey.removed",
	"verification_resent":   "notice.verification_resent",
	"reset_sent":            "notice.reset_sent",
	"password_reset":        "notice.password_reset",
	"colleague_invited":     "notice.colleague_invited",
	"colleague_removed":     "notice.colleague_removed",
	"user_verified":         "notice.user_verified",
	// The webhook pages'.
	"webhook_added":   "webhook.notice_added",
	"webhook_removed": "webhook.notice_removed",
	// The membership pages'.
	"organization_created": "notice.organization_created",
	"organization_saved":   "notice.organization_saved",
	"organization_first":   "notice.organization_first",
	"application_started":  "notice.application_started",
	"motivation_saved":     "notice.motivation_saved",
	"document_added":       "notice.document_added",
	"document_removed":     "notice.document_removed",
	"note_added":           "notice.note_added",
	"event_done":           "notice.event_done",
	"event_submit":         "notice.event_submit",
	"event_respond":        "notice.event_respond",
	"event_appeal":         "notice.event_appeal",
	"event_withdraw":       "notice.event_withdraw",
	"event_claim":          "notice.event_claim",
	"event_reconfirm":      "notice.event_reconfirm",
	"event_resign":         "notice.event_resign",
	// The accreditation pages'.
	"acc_conference_saved":      "notice.acc_conference_saved",
	"acc_request_created":       "notice.acc_request_created",
	"acc_submitted":             "notice.acc_submitted",
	"acc_withdrawn":             "notice.acc_withdrawn",
	"acc_recorded":              "notice.acc_recorded",
	"acc_circulated":            "notice.acc_circulated",
	"acc_objection_lodged":      "notice.acc_objection_lodged",
	"acc_objection_withdrawn":   "notice.acc_objection_withdrawn",
	"acc_reply_sent":            "notice.acc_reply_sent",
	"acc_delegate_nominated":    "notice.acc_delegate_nominated",
	"acc_delegate_replaced":     "notice.acc_delegate_replaced",
	"acc_delegate_updated":      "notice.acc_delegate_updated",
	"acc_nomination_cancelled":  "desk.notice_nomination_cancelled",
	"desk_digest_saved":         "desk.notice_digest_saved",
	"acc_visa_letter_generated": "notice.acc_visa_letter_generated",
}
