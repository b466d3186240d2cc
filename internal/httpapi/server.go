package httpapi

import (
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/memberimport"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store"
)

// APIPrefix is where the JSON API lives; the version is in the path so a
// later incompatible API can live beside this one.
const APIPrefix = "/api/v1"

// Deps is what the HTTP layer needs from the program that starts it.
type Deps struct {
	Config config.Config
	DB     *store.DB
	Auth   *auth.Service
	Logger *slog.Logger
	// Registry receives the request metrics and serves /metrics. Nil gives
	// the server a registry of its own with the Go and process collectors;
	// tests build many servers, which the global registry would refuse.
	Registry *prometheus.Registry
	Now      func() time.Time
	// Membership serves organisations, membership applications and
	// memberships; nil leaves their routes out.
	Membership *membership.Service
	// Accreditation serves conferences, accreditation requests,
	// objections, delegates, badges and check-in; nil leaves their routes
	// out (the public conference list stays).
	Accreditation *accreditation.Service
}

// Server is Accord's HTTP server: Echo with its middleware and routes, and
// the table of API operations the OpenAPI document is built from.
type Server struct {
	cfg      config.Config
	db       *store.DB
	auth     *auth.Service
	log      *slog.Logger
	now      func() time.Time
	registry *prometheus.Registry
	metrics  *httpMetrics
	idem     *idempotency
	// membership is the membership capability's service, if wired.
	membership *membership.Service
	// accreditation is the accreditation capability's service, if wired.
	accreditation *accreditation.Service
	// imports is the member import's service; set by RegisterImportRoutes.
	imports *memberimport.Service
	// authenticate resolves the API's bearer token on every API route.
	authenticate echo.MiddlewareFunc

	echo *echo.Echo
	api  *echo.Group
	ops  []Operation
}

// New builds the server with every route of this package registered.
// Capability handlers add theirs with Handle before the server starts.
func New(deps Deps) *Server {
	s := &Server{
		cfg:      deps.Config,
		db:       deps.DB,
		auth:     deps.Auth,
		log:      deps.Logger,
		now:      deps.Now,
		registry: deps.Registry,

		membership:    deps.Membership,
		accreditation: deps.Accreditation,
	}
	if s.log == nil {
		s.log = slog.New(slog.NewJSONHandler(os.Stderr, nil))
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.registry == nil {
		s.registry = prometheus.NewRegistry()
		s.registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	s.metrics = newHTTPMetrics(s.registry)
	s.idem = newIdempotency(s.db, deps.Config.SecretKey, s.now, s.log)

	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError
	e.IPExtractor = clientAddrExtractor(deps.Config.TrustProxy)
	e.Use(s.requestID, s.accessLog, s.recoverPanic, s.securityHeaders, compress(), s.unavailable)
	s.echo = e

	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	if deps.Config.MetricsListen == "" {
		e.GET("/metrics", echo.WrapHandler(s.MetricsHandler()))
	}
	e.GET("/api/openapi.json", s.openAPIDocument)

	// No group middleware: Echo would then answer 404 rather than 405 for
	// a known path with the wrong method. Handle adds it per route.
	s.api = e.Group(APIPrefix)
	s.authenticate = s.Authenticate(BearerToken)
	s.registerAuthRoutes()
	s.registerUserRoutes()
	s.registerPublicRoutes()
	if s.membership != nil {
		s.registerMembershipRoutes()
	}
	if s.accreditation != nil {
		s.registerAccreditationRoutes()
	}
	s.registerWorkflowRoutes()
	return s
}

// Handler is what the listener serves.
func (s *Server) Handler() http.Handler { return s.echo }

// Echo exposes the router for the web pages, which are not part of the API
// document.
func (s *Server) Echo() *echo.Echo { return s.echo }

// API is the /api/v1 group. Register API routes with Handle rather than on
// the group directly, or the OpenAPI document will not list them (a test
// fails when it does not).
func (s *Server) API() *echo.Group { return s.api }
