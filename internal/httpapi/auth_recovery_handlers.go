package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// checkEmailResponse is the one answer to registering and to asking for a
// mailed link, whether or not the address has an account.
type checkEmailResponse struct {
	Status string `json:"status"`
}

var checkEmail = checkEmailResponse{Status: "check_email"}

type emailRequest struct {
	Email string `json:"email"`
}

// registerAccountRecoveryRoutes adds the routes through which a person
// gets back into an account by mail.
func (s *Server) registerAccountRecoveryRoutes() {
	const tag = "auth"
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/resend-verification", Tag: tag,
		Summary: "Mail a new verification link; the answer is the same for every address",
		Request: SchemaOf[emailRequest]("EmailRequest"), Response: SchemaOf[checkEmailResponse]("CheckEmail"),
		Status: http.StatusAccepted, Handler: s.resendVerification,
	})
}

func (s *Server) resendVerification(c echo.Context) error {
	var req emailRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := s.auth.ResendVerification(c.Request().Context(), req.Email); err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, checkEmail)
}
