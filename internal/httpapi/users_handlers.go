package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

type createUserRequest struct {
	Email   string      `json:"email"`
	Name    string      `json:"name"`
	Role    accord.Role `json:"role"`
	Regions []string    `json:"regions,omitempty"`
	Country string      `json:"country,omitempty"`
	Locale  string      `json:"locale,omitempty"`
	// ConferenceID binds a door account to its conference.
	ConferenceID string `json:"conference_id,omitempty"`
}

type createUserResponse struct {
	User       *auth.User       `json:"user"`
	Invitation *auth.Invitation `json:"invitation"`
}

func (s *Server) registerUserRoutes() {
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/me", Tag: "users", Auth: true,
		Summary:  "The signed-in user: role, regions, organisation, locale",
		Response: SchemaOf[auth.User]("User"), Handler: s.me,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/users", Tag: "users", Auth: true,
		Summary: "Create a staff or State-party user, who is sent an invitation",
		Request: SchemaOf[createUserRequest]("CreateUserRequest"), Response: SchemaOf[createUserResponse]("CreatedUser"),
		Status: http.StatusCreated, Handler: s.createUser,
	})
}

func (s *Server) me(c echo.Context) error {
	u, err := s.auth.Me(c.Request().Context(), actor(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, u)
}

func (s *Server) createUser(c echo.Context) error {
	var req createUserRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	u, inv, err := s.auth.CreateUser(c.Request().Context(), actor(c), auth.CreateUserInput{
		Email: req.Email, Name: req.Name, Role: req.Role, Regions: req.Regions, Country: req.Country, Locale: req.Locale,
		ConferenceID: req.ConferenceID,
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, createUserResponse{User: u, Invitation: inv})
}
