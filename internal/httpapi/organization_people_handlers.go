package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/auth"
)

type inviteRequest struct {
	Email string `json:"email"`
	Name  string `json:"name"`
}

type peopleResponse struct {
	Items []auth.Person `json:"items"`
}

// registerOrganizationPeopleRoutes adds the routes by which an
// organisation's staff invite colleagues, list and remove its accounts.
func (s *Server) registerOrganizationPeopleRoutes() {
	const tag = "organizations"
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/organizations/:id/invitations", Tag: tag, Auth: true,
		Summary: "Invite a colleague into the organisation by email; they join it when they accept",
		Request: SchemaOf[inviteRequest]("InviteRequest"), Response: SchemaOf[auth.OrganizationInvitation]("OrganizationInvitation"),
		Status: http.StatusCreated, Problems: []int{http.StatusForbidden, http.StatusNotFound, http.StatusUnprocessableEntity},
		Handler: s.inviteToOrganization,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/organizations/:id/people", Tag: tag, Auth: true,
		Summary:  "The organisation's accounts",
		Response: SchemaOf[peopleResponse]("People"), Problems: []int{http.StatusNotFound}, Handler: s.organizationPeople,
	})
	s.Handle(Operation{
		Method: http.MethodDelete, Path: "/organizations/:id/people/:user_id", Tag: tag, Auth: true,
		Summary: "Take an account out of the organisation; its sessions end",
		Status:  http.StatusNoContent, Problems: []int{http.StatusForbidden, http.StatusNotFound}, Handler: s.removeFromOrganization,
	})
}

func (s *Server) inviteToOrganization(c echo.Context) error {
	var req inviteRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	inv, err := s.auth.InviteToOrganization(c.Request().Context(), actor(c), c.Param("id"), req.Email, req.Name)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, inv)
}

func (s *Server) organizationPeople(c echo.Context) error {
	people, err := s.auth.OrganizationPeople(c.Request().Context(), actor(c), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, peopleResponse{Items: people})
}

func (s *Server) removeFromOrganization(c echo.Context) error {
	if err := s.auth.RemoveFromOrganization(c.Request().Context(), actor(c), c.Param("id"), c.Param("user_id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
