package httpapi

import (
	"context"
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
		Status: http.StatusAccepted, Handler: mailLink(s.auth.ResendVerification),
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/password-reset", Tag: tag,
		Summary: "Mail a one-time link, valid one hour, to choose a new password; the answer is the same for every address",
		Request: SchemaOf[emailRequest]("EmailRequest"), Response: SchemaOf[checkEmailResponse]("CheckEmail"),
		Status: http.StatusAccepted, Handler: mailLink(s.auth.RequestPasswordReset),
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/password-reset/confirm", Tag: tag,
		Summary: "Choose a new password with the mailed token; the token works once and every session of the account ends",
		Request: SchemaOf[tokenPasswordRequest]("ResetPasswordRequest"), Response: SchemaOf[statusResponse]("Status"),
		Problems: []int{http.StatusNotFound, http.StatusUnprocessableEntity}, Handler: s.resetPassword,
	})
}

// mailLink serves a request for a mailed link, which send mails if the
// address has an account: the answer is the same either way.
func mailLink(send func(ctx context.Context, email string) error) echo.HandlerFunc {
	return func(c echo.Context) error {
		var req emailRequest
		if err := bindJSON(c, &req); err != nil {
			return err
		}
		if err := send(c.Request().Context(), req.Email); err != nil {
			return err
		}
		return c.JSON(http.StatusAccepted, checkEmail)
	}
}

func (s *Server) resetPassword(c echo.Context) error {
	if err := redeemToken(c, s.auth.ResetPassword); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, statusResponse{Status: "password_changed"})
}
