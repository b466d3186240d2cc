package httpapi

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/membership"
)

// Page is the shape of every list response (docs/api.md, Conventions).
type Page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

func newPage[T any](items []T, next string) Page[T] {
	if items == nil {
		items = []T{}
	}
	return Page[T]{Items: items, NextCursor: next}
}

var listParams = []Param{
	{Name: "limit", Description: "page size, default 50, at most 200", Type: "integer"},
	{Name: "cursor", Description: "next_cursor of the previous page"},
}

// registerPublicRoutes adds the public reads of the capabilities wired:
// their services answer them for the anonymous actor too, through the
// public scope of their policies.
func (s *Server) registerPublicRoutes() {
	if s.membership != nil {
		s.registerDirectoryRoute()
	}
	if s.accreditation != nil {
		s.registerPublicConferenceRoutes()
	}
}

func (s *Server) registerDirectoryRoute() {
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/directory", Tag: "directory",
		Summary:  "Active members of the coalition (public)",
		Query:    append([]Param{{Name: "q", Description: "search in names and acronym; Arabic spelling variants match"}, {Name: "region"}, {Name: "country"}}, listParams...),
		Response: SchemaOf[Page[membership.DirectoryEntry]]("DirectoryPage"),
		Handler:  s.directory,
	})
}

func (s *Server) registerPublicConferenceRoutes() {
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/conferences", Tag: "conferences",
		Summary:  "Conferences, latest first (public)",
		Query:    listParams,
		Response: SchemaOf[Page[accreditation.Conference]]("ConferencePage"),
		Handler:  s.listConferences,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/conferences/:id", Tag: "conferences",
		Summary:  "One conference, by id or code (public)",
		Response: SchemaOf[accreditation.Conference]("Conference"),
		Handler:  s.getConference,
	})
}

// queryLimit reads ?limit=; a value that is not a number is a 400.
func queryLimit(c echo.Context) (int, error) {
	v := c.QueryParam("limit")
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, &accord.Error{Kind: accord.KindBadRequest, Message: "limit must be a whole number from 1 to 200",
			Fields: []accord.FieldError{{Field: "limit", Message: "must be a whole number from 1 to 200"}}}
	}
	return n, nil
}

func (s *Server) directory(c echo.Context) error {
	limit, err := queryLimit(c)
	if err != nil {
		return err
	}
	items, next, err := s.membership.Directory(c.Request().Context(), actor(c), membership.DirectoryFilter{
		Q: c.QueryParam("q"), Region: c.QueryParam("region"), Country: c.QueryParam("country"),
		Limit: limit, Cursor: c.QueryParam("cursor"),
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newPage(items, next))
}

func (s *Server) listConferences(c echo.Context) error {
	limit, err := queryLimit(c)
	if err != nil {
		return err
	}
	items, next, err := s.accreditation.ListConferences(c.Request().Context(), actor(c), limit, c.QueryParam("cursor"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newPage(items, next))
}

func (s *Server) getConference(c echo.Context) error {
	conf, err := s.accreditation.GetConference(c.Request().Context(), actor(c), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, conf)
}
