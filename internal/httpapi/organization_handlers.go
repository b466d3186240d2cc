package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/membership"
)

func (s *Server) registerOrganizationRoutes() {
	const tag = "organizations"
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/organizations", Tag: tag, Auth: true,
		Summary:  "Create an organisation profile; an applicant's account joins the organisation it creates",
		Request:  SchemaOf[membership.OrganizationInput]("OrganizationInput"),
		Response: SchemaOf[membership.OrganizationView]("Organization"), Status: http.StatusCreated,
		Problems: []int{http.StatusConflict}, Handler: s.createOrganization,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/organizations", Tag: tag, Auth: true,
		Summary: "Organisations: an applicant's own, every one for staff",
		Query: append([]Param{{Name: "q", Description: "search in names, acronym and registration number"},
			{Name: "country"}, {Name: "region"}}, listParams...),
		Response: SchemaOf[Page[membership.Organization]]("OrganizationPage"), Handler: s.listOrganizations,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/organizations/:id", Tag: tag, Auth: true,
		Summary:  "One organisation profile, with possible duplicates for reviewers",
		Response: SchemaOf[membership.OrganizationView]("Organization"), Handler: s.getOrganization,
	})
	s.Handle(Operation{
		Method: http.MethodPatch, Path: "/organizations/:id", Tag: tag, Auth: true,
		Summary:  "Change fields of a profile at the version read; the region follows the country",
		Request:  SchemaOf[membership.OrganizationPatch]("OrganizationPatch"),
		Response: SchemaOf[membership.OrganizationView]("Organization"),
		Problems: []int{http.StatusConflict}, Handler: s.updateOrganization,
	})
}

func (s *Server) createOrganization(c echo.Context) error {
	var in membership.OrganizationInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	o, err := s.membership.CreateOrganization(c.Request().Context(), actor(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, o)
}

func (s *Server) listOrganizations(c echo.Context) error {
	limit, err := queryLimit(c)
	if err != nil {
		return err
	}
	items, next, err := s.membership.ListOrganizations(c.Request().Context(), actor(c), membership.OrganizationFilter{
		Q: c.QueryParam("q"), Country: c.QueryParam("country"), Region: c.QueryParam("region"),
		Limit: limit, Cursor: c.QueryParam("cursor"),
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newPage(items, next))
}

func (s *Server) getOrganization(c echo.Context) error {
	o, err := s.membership.GetOrganization(c.Request().Context(), actor(c), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, o)
}

func (s *Server) updateOrganization(c echo.Context) error {
	var p membership.OrganizationPatch
	if err := bindJSON(c, &p); err != nil {
		return err
	}
	o, err := s.membership.UpdateOrganization(c.Request().Context(), actor(c), c.Param("id"), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, o)
}
