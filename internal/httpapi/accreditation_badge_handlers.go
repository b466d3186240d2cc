package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/httpreply"
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
	// The address a badge's QR code holds, /verify/{token} at the site's
	// root, belongs to the web pages: a page in the visitor's language,
	// or this same answer as JSON for a scanner that asks for it.
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
	return httpreply.Private(c, "image/png", png)
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
