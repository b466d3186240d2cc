package httpapi

import (
	"html/template"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accreditation"
)

// tokenInput is a scanned or typed badge token.
type tokenInput struct {
	Token string `json:"token"`
}

func (s *Server) registerBadgeRoutes() {
	const tag = "badges"
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/delegates/:id/badge", Tag: tag, Auth: true,
		Summary:  "The delegate's signed badge token, once the badge is issued",
		Response: SchemaOf[accreditation.Badge]("Badge"), Problems: []int{http.StatusConflict},
		Handler: s.badge,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/delegates/:id/badge.png", Tag: tag, Auth: true,
		Summary:      "The badge's QR code: the verification address, as a PNG to print",
		ResponseType: "image/png", Problems: []int{http.StatusConflict}, Handler: s.badgePNG,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/verify/:token", Tag: tag,
		Summary:  "Whether a badge is valid, and whose it is (public); a forged or stale token is valid: false",
		Response: SchemaOf[accreditation.BadgeCheck]("BadgeVerification"), Handler: s.verifyBadge,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/checkins", Tag: tag, Auth: true,
		Summary:  "Record a badge's scan at the door (secretariat): 201 the first time, 409 after",
		Request:  SchemaOf[tokenInput]("CheckinInput"),
		Response: SchemaOf[accreditation.Checkin]("Checkin"), Status: http.StatusCreated, Handler: s.checkIn,
	})
	// The address a badge's QR code holds, at the site's root: JSON for
	// scanners that ask for it, else a minimal page until the web pages
	// serve their own.
	s.echo.GET("/verify/:token", s.verifyBadgeAtRoot)
}

func (s *Server) badge(c echo.Context) error {
	b, err := s.accreditation.BadgeOf(c.Request().Context(), actor(c), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, b)
}

func (s *Server) badgePNG(c echo.Context) error {
	png, err := s.accreditation.BadgePNG(c.Request().Context(), actor(c), c.Param("id"))
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderCacheControl, "private, no-store")
	return c.Blob(http.StatusOK, "image/png", png)
}

func (s *Server) verifyBadge(c echo.Context) error {
	check, err := s.accreditation.VerifyBadge(c.Request().Context(), actor(c), c.Param("token"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, check)
}

func (s *Server) checkIn(c echo.Context) error {
	var in tokenInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	if err := required(namedValue{"token", in.Token}); err != nil {
		return err
	}
	ci, err := s.accreditation.CheckIn(c.Request().Context(), actor(c), in.Token)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, ci)
}

// verifyPage is the stop-gap page at /verify/{token}.
var verifyPage = template.Must(template.New("verify").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Badge verification — Accord</title></head>
<body>
{{if .Valid}}<h1>Valid badge</h1>
<p>{{.Delegate.GivenName}} {{.Delegate.FamilyName}}, {{.Organization}}</p>
<p>{{.ConferenceTitle}} ({{.Conference}}){{if .CheckedIn}} — checked in{{end}}</p>
{{else}}<h1>This badge is not valid</h1>{{end}}
</body></html>
`))

func (s *Server) verifyBadgeAtRoot(c echo.Context) error {
	check, err := s.accreditation.VerifyBadge(c.Request().Context(), actor(c), c.Param("token"))
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderVary, echo.HeaderAccept)
	if strings.Contains(c.Request().Header.Get(echo.HeaderAccept), echo.MIMEApplicationJSON) {
		return c.JSON(http.StatusOK, check)
	}
	var b strings.Builder
	if err := verifyPage.Execute(&b, check); err != nil {
		return err
	}
	return c.HTML(http.StatusOK, b.String())
}
