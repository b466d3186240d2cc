package httpapi

import (
	"net/http"
	"reflect"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/workflow"
)

// collections are the workflows of the services the server was given, in
// the order their routes are registered.
func (s *Server) collections() []workflow.Collection {
	var out []workflow.Collection
	if s.membership != nil {
		out = append(out, s.membership.Collections()...)
	}
	if s.accreditation != nil {
		out = append(out, s.accreditation.Collections()...)
	}
	return out
}

// registerWorkflowRoutes serves every workflow the same way (docs/api.md,
// Transitions): GET /{collection}/{id} is the record with the events the
// caller may fire now, POST /{collection}/{id}/transitions fires one and
// answers with the record, GET /{collection}/{id}/history is the timeline
// the caller may see.
func (s *Server) registerWorkflowRoutes() {
	history := SchemaOf[Page[workflow.HistoryEntry]]("HistoryPage")
	for _, col := range s.collections() {
		doc := col.Doc
		bodyName := doc.BodyName
		if bodyName == "" {
			bodyName = "TransitionRequest"
		}
		view := &Schema{Name: doc.ViewName, typ: reflect.TypeOf(doc.View)}
		viewSummary := doc.ViewSummary
		if viewSummary == "" {
			viewSummary = "One " + doc.Name + ", with the events the caller may fire now"
		}
		s.Handle(Operation{
			Method: http.MethodGet, Path: "/" + col.Name + "/:id", Tag: doc.Tag, Auth: true,
			Summary: viewSummary, Response: view, Handler: s.workflowView(col),
		})
		s.Handle(Operation{
			Method: http.MethodPost, Path: "/" + col.Name + "/:id/transitions", Tag: doc.Tag, Auth: true,
			Summary:  doc.Summary,
			Request:  &Schema{Name: bodyName, typ: reflect.TypeOf(col.NewBody()).Elem()},
			Response: view, Handler: s.fireTransition(col),
		})
		s.Handle(Operation{
			Method: http.MethodGet, Path: "/" + col.Name + "/:id/history", Tag: doc.Tag, Auth: true,
			Summary:  "The " + doc.Name + "'s timeline visible to the caller: staff see every event and who acted, others the public events",
			Response: history, Handler: s.workflowHistory(col),
		})
	}
}

// fireTransition decodes the collection's transition body and fires it;
// the service checks the event, the version and the comment.
func (s *Server) fireTransition(col workflow.Collection) echo.HandlerFunc {
	return func(c echo.Context) error {
		in := col.NewBody()
		if err := bindJSON(c, in); err != nil {
			return err
		}
		view, err := col.Resource.Fire(c.Request().Context(), actor(c), c.Param("id"), in)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, view)
	}
}

func (s *Server) workflowView(col workflow.Collection) echo.HandlerFunc {
	return func(c echo.Context) error {
		view, err := col.Resource.View(c.Request().Context(), actor(c), c.Param("id"))
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, view)
	}
}

func (s *Server) workflowHistory(col workflow.Collection) echo.HandlerFunc {
	return func(c echo.Context) error {
		items, err := col.Resource.History(c.Request().Context(), actor(c), c.Param("id"))
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, newPage(items, ""))
	}
}
