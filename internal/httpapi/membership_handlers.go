package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/membership"
)

// registerMembershipRoutes adds the membership capability's API:
// organisations, membership applications with their documents, and
// memberships. The public directory is registered with the public routes.
func (s *Server) registerMembershipRoutes() {
	s.registerOrganizationRoutes()
	s.registerApplicationRoutes()
	const tag = "memberships"
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/memberships", Tag: tag, Auth: true,
		Summary:  "Memberships: an applicant's own, a coordinator's regions, all for the secretariat",
		Query:    append([]Param{{Name: "state"}, {Name: "region"}, {Name: "country"}}, listParams...),
		Response: SchemaOf[Page[membership.MembershipView]]("MembershipPage"), Handler: s.listMemberships,
	})
}

func (s *Server) listMemberships(c echo.Context) error {
	limit, err := queryLimit(c)
	if err != nil {
		return err
	}
	items, next, err := s.membership.ListMemberships(c.Request().Context(), actor(c), membership.MembershipFilter{
		State: c.QueryParam("state"), Region: c.QueryParam("region"), Country: c.QueryParam("country"),
		Limit: limit, Cursor: c.QueryParam("cursor"),
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newPage(items, next))
}
