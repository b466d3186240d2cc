package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/workflow"
)

type noteRequest struct {
	Text string `json:"text"`
}

func (s *Server) registerApplicationRoutes() {
	const tag = "membership-applications"
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/membership-applications", Tag: tag, Auth: true,
		Summary:  "Start a draft application of the applicant's organisation",
		Request:  SchemaOf[membership.ApplicationInput]("ApplicationInput"),
		Response: SchemaOf[membership.ApplicationView]("MembershipApplication"), Status: http.StatusCreated,
		Handler: s.createApplication,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/membership-applications", Tag: tag, Auth: true,
		Summary: "The queue, scoped by role: a coordinator's regions, everything for the secretariat, an applicant's own",
		Query: append([]Param{{Name: "state"}, {Name: "region"}, {Name: "country"},
			{Name: "q", Description: "search in the organisation's names, acronym and registration number"}}, listParams...),
		Response: SchemaOf[Page[membership.ApplicationView]]("MembershipApplicationPage"), Handler: s.listApplications,
	})
	s.Handle(Operation{
		Method: http.MethodPatch, Path: "/membership-applications/:id", Tag: tag, Auth: true,
		Summary:  "Change the motivation of a draft, or of an application awaiting information",
		Request:  SchemaOf[membership.ApplicationPatch]("ApplicationPatch"),
		Response: SchemaOf[membership.ApplicationView]("MembershipApplication"),
		Problems: []int{http.StatusConflict}, Handler: s.updateApplication,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/membership-applications/:id/notes", Tag: tag, Auth: true,
		Summary:  "Add a reviewers' internal note, never shown to the applicant",
		Request:  SchemaOf[noteRequest]("NoteRequest"),
		Response: SchemaOf[workflow.HistoryEntry]("HistoryEntry"), Status: http.StatusCreated,
		Handler: s.addApplicationNote,
	})
	s.registerDocumentRoutes(tag)
}

func (s *Server) createApplication(c echo.Context) error {
	var in membership.ApplicationInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	a, err := s.membership.CreateApplication(c.Request().Context(), actor(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, a)
}

func (s *Server) listApplications(c echo.Context) error {
	limit, err := queryLimit(c)
	if err != nil {
		return err
	}
	items, next, err := s.membership.ListApplications(c.Request().Context(), actor(c), membership.ApplicationFilter{
		State: c.QueryParam("state"), Region: c.QueryParam("region"), Country: c.QueryParam("country"),
		Q: c.QueryParam("q"), Limit: limit, Cursor: c.QueryParam("cursor"),
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newPage(items, next))
}

func (s *Server) updateApplication(c echo.Context) error {
	var p membership.ApplicationPatch
	if err := bindJSON(c, &p); err != nil {
		return err
	}
	a, err := s.membership.UpdateApplication(c.Request().Context(), actor(c), c.Param("id"), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a)
}

func (s *Server) addApplicationNote(c echo.Context) error {
	var req noteRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	e, err := s.membership.AddNote(c.Request().Context(), actor(c), c.Param("id"), req.Text)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, e)
}
