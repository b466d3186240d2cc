package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accreditation"
)

// DeskPage is a page of one of the desk's lists with the number of rows
// in each state under the other filters (docs/api.md, The secretariat's
// desk).
type DeskPage[T any] struct {
	Page[T]
	Counts accreditation.DeskCounts `json:"counts"`
}

func newDeskPage[T any](items []T, next string, counts accreditation.DeskCounts) DeskPage[T] {
	return DeskPage[T]{Page: newPage(items, next), Counts: counts}
}

var sortParam = Param{Name: "sort", Description: "name, newest or oldest"}

// registerDeskRoutes adds the secretariat's lists of a conference.
func (s *Server) registerDeskRoutes() {
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/conferences/:id/accreditation-requests", Tag: "accreditation", Auth: true,
		Summary: "The conference's requests (secretariat), with the count of each state; q searches the organisations' names in either script, folded",
		Query: append([]Param{{Name: "state"}, {Name: "region"}, {Name: "country"}, {Name: "ecosoc_status"},
			{Name: "q", Description: "organisation name, acronym; Arabic spelling variants match"}, sortParam}, listParams...),
		Response: SchemaOf[DeskPage[accreditation.DeskRequest]]("ConferenceRequestPage"), Handler: s.deskRequests,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/conferences/:id/delegates", Tag: "delegates", Auth: true,
		Summary: "The conference's participants (secretariat), with the count of each state; no passport numbers, only their hint",
		Query: append([]Param{{Name: "state"}, {Name: "q", Description: "the delegates' names in either script, folded"},
			{Name: "organization_id"}, {Name: "needs_visa_letter", Description: "true or false", Type: "boolean"}, sortParam}, listParams...),
		Response: SchemaOf[DeskPage[accreditation.DeskDelegate]]("ConferenceDelegatePage"), Handler: s.deskDelegates,
	})
	digest := SchemaOf[accreditation.DeskDigest]("DeskDigest")
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/desk/digest", Tag: "accreditation", Auth: true,
		Summary:  "The secretariat officer's choice: a message for each new request, nomination, reply and referral, or one daily digest",
		Response: digest, Handler: s.deskDigest,
	})
	s.Handle(Operation{
		Method: http.MethodPut, Path: "/desk/digest", Tag: "accreditation", Auth: true,
		Summary: "Choose one daily digest (daily: true) or a message each (secretariat)",
		Request: SchemaOf[deskDigestInput]("DeskDigestInput"), Response: digest, Handler: s.setDeskDigest,
	})
}

// deskDigestInput is an officer's choice of messages.
type deskDigestInput struct {
	Daily bool `json:"daily"`
}

func (s *Server) deskDigest(c echo.Context) error {
	d, err := s.accreditation.DeskDigestOf(c.Request().Context(), actor(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}

func (s *Server) setDeskDigest(c echo.Context) error {
	var in deskDigestInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	d, err := s.accreditation.SetDeskDigest(c.Request().Context(), actor(c), in.Daily)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}

func (s *Server) deskRequests(c echo.Context) error {
	limit, err := queryLimit(c)
	if err != nil {
		return err
	}
	items, next, counts, err := s.accreditation.DeskRequests(c.Request().Context(), actor(c), c.Param("id"), accreditation.DeskRequestFilter{
		State: c.QueryParam("state"), Region: c.QueryParam("region"), Country: c.QueryParam("country"),
		EcosocStatus: c.QueryParam("ecosoc_status"), Q: c.QueryParam("q"), Sort: c.QueryParam("sort"),
		Limit: limit, Cursor: c.QueryParam("cursor"),
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newDeskPage(items, next, counts))
}

func (s *Server) deskDelegates(c echo.Context) error {
	limit, err := queryLimit(c)
	if err != nil {
		return err
	}
	items, next, counts, err := s.accreditation.DeskDelegates(c.Request().Context(), actor(c), c.Param("id"), accreditation.DeskDelegateFilter{
		State: c.QueryParam("state"), Q: c.QueryParam("q"), OrganizationID: c.QueryParam("organization_id"),
		NeedsVisaLetter: c.QueryParam("needs_visa_letter"), Sort: c.QueryParam("sort"),
		Limit: limit, Cursor: c.QueryParam("cursor"),
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newDeskPage(items, next, counts))
}
