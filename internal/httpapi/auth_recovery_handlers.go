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

type resetPasswordRequest struct {
	Token    string `json:"token"`
	Password string `json:"password"`
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
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/password-reset", Tag: tag,
		Summary: "Mail a one-time link, valid one hour, to choose a new password; the answer is the same for every address",
		Request: SchemaOf[emailRequest]("EmailRequest"), Response: SchemaOf[checkEmailResponse]("CheckEmail"),
		Status: http.StatusAccepted, Handler: s.requestPasswordReset,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/password-reset/confirm", Tag: tag,
		Summary: "Choose a new password with the mailed token; the token works once and every session of the account ends",
		Request: SchemaOf[resetPasswordRequest]("ResetPasswordRequest"), Response: SchemaOf[statusResponse]("Status"),
		Problems: []int{http.StatusNotFound, http.StatusUnprocessableEntity}, Handler: s.resetPassword,
	})
}

func (s *Server) requestPasswordReset(c echo.Context) error {
	var req emailRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := s.auth.RequestPasswordReset(c.Request().Context(), req.Email); err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, checkEmail)
}

func (s *Server) resetPassword(c echo.Context) error {
	var req resetPasswordRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := required(namedValue{"token", req.Token}, namedValue{"password", req.Password}); err != nil {
		return err
	}
	if err := s.auth.ResetPassword(c.Request().Context(), req.Token, req.Password); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, statusResponse{Status: "password_changed"})
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
