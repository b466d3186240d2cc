package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accreditation"
)

// registerAccreditationRoutes adds the accreditation capability's API.
// The public conference list and conference page are registered with the
// public routes.
func (s *Server) registerAccreditationRoutes() {
	s.registerConferenceRoutes()
	s.registerAccreditationRequestRoutes()
	s.registerObjectionRoutes()
	s.registerDelegateRoutes()
	s.registerBadgeRoutes()
	s.registerDeskRoutes()
}

func (s *Server) registerConferenceRoutes() {
	const tag = "conferences"
	conference := SchemaOf[accreditation.Conference]("Conference")
	input := SchemaOf[accreditation.ConferenceInput]("ConferenceInput")
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/conferences", Tag: tag, Auth: true,
		Summary: "Create a conference (secretariat)",
		Request: input, Response: conference, Status: http.StatusCreated, Handler: s.createConference,
	})
	s.Handle(Operation{
		Method: http.MethodPatch, Path: "/conferences/:id", Tag: tag, Auth: true,
		Summary: "Change a conference's fields (secretariat); version guards against lost updates",
		Request: input, Response: conference, Problems: []int{http.StatusConflict}, Handler: s.updateConference,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/conferences/:id/transparency", Tag: tag,
		Summary:  "The conference's public accreditation counts, and objecting States where it names them",
		Response: SchemaOf[accreditation.Transparency]("Transparency"), Handler: s.transparency,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/conferences/:id/circulations", Tag: tag, Auth: true,
		Summary: "Circulate every screened request to the States parties as one numbered list (secretariat)",
		Request: SchemaOf[accreditation.CirculationInput]("CirculationInput"),
		// The body is optional: an empty one takes the default deadline.
		Response: SchemaOf[accreditation.CirculationView]("Circulation"), Status: http.StatusCreated,
		Handler: s.circulate,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/conferences/:id/circulated", Tag: tag, Auth: true,
		Summary:  "The conference's circulated requests with their organisations (States parties, secretariat)",
		Response: SchemaOf[Page[accreditation.CirculatedRequest]]("CirculatedPage"), Handler: s.circulated,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/conferences/:id/accreditation-requests", Tag: "accreditation", Auth: true,
		Summary:  "Start an organisation's request for accreditation (applicant): a draft",
		Request:  SchemaOf[accreditation.CreateRequestInput]("CreateAccreditationRequest"),
		Response: SchemaOf[accreditation.RequestView]("AccreditationRequest"), Status: http.StatusCreated,
		Handler: s.createAccreditationRequest,
	})
}

func (s *Server) createConference(c echo.Context) error {
	var in accreditation.ConferenceInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	conf, err := s.accreditation.CreateConference(c.Request().Context(), actor(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, conf)
}

func (s *Server) updateConference(c echo.Context) error {
	var in accreditation.ConferenceInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	conf, err := s.accreditation.UpdateConference(c.Request().Context(), actor(c), c.Param("id"), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, conf)
}

func (s *Server) transparency(c echo.Context) error {
	t, err := s.accreditation.TransparencyReport(c.Request().Context(), actor(c), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, t)
}

func (s *Server) circulate(c echo.Context) error {
	var in accreditation.CirculationInput
	if c.Request().ContentLength != 0 {
		if err := bindJSON(c, &in); err != nil {
			return err
		}
	}
	view, err := s.accreditation.CirculateScreened(c.Request().Context(), actor(c), c.Param("id"), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, view)
}

func (s *Server) circulated(c echo.Context) error {
	items, err := s.accreditation.CirculatedList(c.Request().Context(), actor(c), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newPage(items, ""))
}

func (s *Server) createAccreditationRequest(c echo.Context) error {
	var in accreditation.CreateRequestInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	view, err := s.accreditation.CreateRequest(c.Request().Context(), actor(c), c.Param("id"), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, view)
}
