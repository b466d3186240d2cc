package webui

import (
	"crypto/sha256"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/hkdf"

	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/i18n"
	"github.com/accord-coalition/accord/internal/memberimport"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/report"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/web"
)

// Deps is what the web pages need from the program that starts them.
type Deps struct {
	Config config.Config
	DB     *store.DB
	Auth   *auth.Service
	Logger *slog.Logger
	Now    func() time.Time
	// Membership serves the organisation, application, review and
	// membership pages; nil leaves those pages out.
	Membership *membership.Service
	// Accreditation serves the conference accreditation pages, badge
	// verification and the transparency report; nil leaves them out.
	Accreditation *accreditation.Service
}

// UI is the web pages: their templates, catalogs and assets, loaded once.
type UI struct {
	cfg           config.Config
	db            *store.DB
	auth          *auth.Service
	members       *membership.Service
	accreditation *accreditation.Service
	reports       *report.Service // the dashboard and exports; set by RegisterReports
	log           *slog.Logger
	now           func() time.Time
	cat           *i18n.Catalog
	pages         map[string]*template.Template
	assets        *assets
	csrfKey       []byte
	// refreshes lets concurrent requests share one session refresh.
	refreshes refreshes

	// imports previews and applies member lists; set by RegisterImports.
	imports *memberimport.Service
}

// New loads the embedded templates, catalogs and assets. It panics when
// they cannot be loaded or the secret key is unset: both are mistakes in
// building or wiring the server, which must not start with them.
func New(deps Deps) *UI {
	ui := &UI{cfg: deps.Config, db: deps.DB, auth: deps.Auth, members: deps.Membership, accreditation: deps.Accreditation, log: deps.Logger, now: deps.Now}
	if ui.log == nil {
		ui.log = slog.New(slog.NewJSONHandler(os.Stderr, nil))
	}
	if ui.now == nil {
		ui.now = time.Now
	}
	if len(deps.Config.SecretKey) < 32 {
		panic("webui: Config.SecretKey must be at least 32 bytes")
	}
	cat, err := i18n.Embedded()
	if err != nil {
		panic("webui: " + err.Error())
	}
	for _, p := range cat.Problems() {
		ui.log.Warn("translation catalog problem", "problem", p)
	}
	ui.cat = cat
	if ui.assets, err = loadAssets(web.Static); err != nil {
		panic("webui: " + err.Error())
	}
	if ui.pages, err = parsePages(web.Templates); err != nil {
		panic("webui: " + err.Error())
	}
	// The CSRF key is derived from the server secret rather than being the
	// secret itself, so that a token never helps forge anything else.
	ui.csrfKey = make([]byte, 32)
	if _, err := io.ReadFull(hkdf.New(sha256.New, deps.Config.SecretKey, nil, []byte("accord web csrf")), ui.csrfKey); err != nil {
		panic("webui: derive csrf key: " + err.Error())
	}
	return ui
}

// Register adds the pages' routes to e. Every page runs behind the same
// middleware: error pages, session, language, CSRF. Unknown addresses
// outside the API get the 404 page in the reader's language.
func (ui *UI) Register(e *echo.Echo) {
	page, member := ui.pageChain(), ui.memberChain()
	e.GET(assetPrefix+"*", ui.serveAsset)

	e.GET("/", ui.home, page...)
	e.GET("/errors/:status", ui.errorAfterForm, page...)
	// The public pages read through the services, whose policies open
	// them to the anonymous visitor; without the service, no page.
	if ui.members != nil {
		e.GET("/directory", ui.directory, page...)
	}
	if ui.accreditation != nil {
		e.GET("/conferences", ui.conferences, page...)
	}

	e.GET("/login", ui.loginForm, page...)
	e.POST("/login", ui.login, page...)
	e.GET("/register", ui.blankForm("register.title", "register"), page...)
	e.POST("/register", ui.register, page...)
	e.POST("/logout", ui.logout, page...)
	e.GET("/verify-email", ui.linkForm("verify.title", "verify_email"), page...)
	e.POST("/verify-email", ui.verifyEmail, page...)
	e.GET("/invitations/:token", ui.invitationForm, page...)
	e.POST("/invitations/:token", ui.acceptInvitation, page...)
	ui.registerAccountPages(e, page, member)
	ui.registerTwoStepPages(e, page, member)

	e.POST("/logout-all", ui.logoutAll, member...)
	e.GET("/inbox", ui.inbox, member...)
	e.POST("/inbox/:id/read", ui.markRead, member...)
	e.GET("/account", ui.account, member...)
	e.POST("/account/language", ui.setLanguage, member...)
	e.POST("/account/password", ui.changePassword, member...)
	if ui.members != nil {
		ui.registerMembershipPages(e, member)
	}
	if ui.accreditation != nil {
		ui.registerAccreditationPages(e, page, member)
	}
	ui.registerWorkflowForms(e, member, ui.uploadChain())

	// An unknown address is a 404 whatever its method: no CSRF check.
	notFound := ui.errorPages(ui.session(ui.language(ui.issueCSRF(ui.notFound))))
	e.RouteNotFound("/*", func(c echo.Context) error {
		if strings.HasPrefix(c.Request().URL.Path, apiPrefix) {
			// The API answers its unknown addresses with a problem
			// document, through the server's error handler. This
			// catch-all outranks Echo's own 405, so an API address
			// asked with a method it does not take is told so here.
			if allow := allowedMethods(c); allow != "" {
				c.Response().Header().Set(echo.HeaderAllow, allow)
				return echo.ErrMethodNotAllowed
			}
			return echo.ErrNotFound
		}
		return notFound(c)
	})
}

// allowedMethods lists the methods a route other than the catch-all
// serves at the request's path, comma-separated, or "" when none does.
func allowedMethods(c echo.Context) string {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		probe := c.Echo().NewContext(c.Request(), nil)
		c.Echo().Router().Find(m, c.Request().URL.Path, probe)
		if probe.Path() != "/*" && probe.Path() != "" {
			allow = append(allow, m)
		}
	}
	return strings.Join(allow, ", ")
}

// apiPrefix is where the JSON API lives; its addresses are not pages.
const apiPrefix = "/api/"
