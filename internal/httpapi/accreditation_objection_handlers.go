package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accreditation"
)

// replyInput is the NGO's answer to an objection.
type replyInput struct {
	Text string `json:"text"`
}

func (s *Server) registerObjectionRoutes() {
	const tag = "accreditation"
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/objections/:id/replies", Tag: tag, Auth: true,
		Summary:  "Reply to an objection (applicant of the organisation, until the Conference decides)",
		Request:  SchemaOf[replyInput]("ReplyInput"),
		Response: SchemaOf[accreditation.Reply]("Reply"), Status: http.StatusCreated, Handler: s.replyToObjection,
	})
}

func (s *Server) replyToObjection(c echo.Context) error {
	var in replyInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	reply, err := s.accreditation.ReplyToObjection(c.Request().Context(), actor(c), c.Param("id"), in.Text)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, reply)
}
