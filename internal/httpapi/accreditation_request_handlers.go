package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accreditation"
)

// groundsInput is an objection as a State party lodges it.
type groundsInput struct {
	Grounds string `json:"grounds"`
}

func (s *Server) registerAccreditationRequestRoutes() {
	const tag = "accreditation"
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/accreditation-requests", Tag: tag, Auth: true,
		Summary:  "Accreditation requests: an applicant's own, the circulated ones for States parties, all for the secretariat",
		Query:    append([]Param{{Name: "state"}, {Name: "conference_id"}}, listParams...),
		Response: SchemaOf[Page[accreditation.RequestView]]("AccreditationRequestPage"), Handler: s.listAccreditationRequests,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/accreditation-requests/:id/objections", Tag: tag, Auth: true,
		Summary:  "Object to a circulated request, with grounds (State party, before the deadline)",
		Request:  SchemaOf[groundsInput]("ObjectionInput"),
		Response: SchemaOf[accreditation.ObjectionView]("Objection"), Status: http.StatusCreated,
		Handler: s.lodgeObjection,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/accreditation-requests/:id/objections", Tag: tag, Auth: true,
		Summary:  "The request's objections with their grounds and the NGO's replies",
		Response: SchemaOf[Page[accreditation.ObjectionView]]("ObjectionPage"), Handler: s.listObjections,
	})
}

func (s *Server) listAccreditationRequests(c echo.Context) error {
	limit, err := queryLimit(c)
	if err != nil {
		return err
	}
	items, next, err := s.accreditation.ListRequests(c.Request().Context(), actor(c), accreditation.RequestFilter{
		State: c.QueryParam("state"), ConferenceID: c.QueryParam("conference_id"),
		Limit: limit, Cursor: c.QueryParam("cursor"),
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newPage(items, next))
}

func (s *Server) lodgeObjection(c echo.Context) error {
	var in groundsInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	view, err := s.accreditation.LodgeObjection(c.Request().Context(), actor(c), c.Param("id"), in.Grounds)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, view)
}

func (s *Server) listObjections(c echo.Context) error {
	items, err := s.accreditation.ListObjections(c.Request().Context(), actor(c), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newPage(items, ""))
}
