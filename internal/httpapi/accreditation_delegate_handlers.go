package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accreditation"
)

func (s *Server) registerDelegateRoutes() {
	const tag = "delegates"
	view := SchemaOf[accreditation.DelegateView]("Delegate")
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/accreditation-requests/:id/delegates", Tag: tag, Auth: true,
		Summary: "Nominate a delegate (applicant), before the cut-off and within the conference's maximum; " +
			"passport_number is write-only",
		Request:  SchemaOf[accreditation.DelegateInput]("DelegateInput"),
		Response: view, Status: http.StatusCreated, Handler: s.nominateDelegate,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/accreditation-requests/:id/delegates", Tag: tag, Auth: true,
		Summary:  "The request's delegates, in nomination order",
		Response: SchemaOf[Page[accreditation.DelegateView]]("DelegatePage"), Handler: s.listDelegates,
	})
}

func (s *Server) nominateDelegate(c echo.Context) error {
	var in accreditation.DelegateInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	view, err := s.accreditation.Nominate(c.Request().Context(), actor(c), c.Param("id"), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, view)
}

func (s *Server) listDelegates(c echo.Context) error {
	items, err := s.accreditation.ListDelegates(c.Request().Context(), actor(c), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newPage(items, ""))
}
