package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/auth"
)

type codeRequest struct {
	Code string `json:"code"`
}

type mfaLoginRequest struct {
	MFAToken string `json:"mfa_token"`
	Code     string `json:"code"`
}

type recoveryCodesResponse struct {
	RecoveryCodes []string `json:"recovery_codes"`
}

// registerTOTPRoutes adds two-step sign-in (docs/api.md "Accounts").
func (s *Server) registerTOTPRoutes() {
	const tag = "auth"
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/login/mfa", Tag: tag,
		Summary: "Complete a two-step sign-in with the mfa_token from /auth/login and an authenticator or recovery code",
		Request: SchemaOf[mfaLoginRequest]("MFALoginRequest"), Response: SchemaOf[auth.TokenPair]("TokenPair"),
		Problems: []int{http.StatusUnauthorized, http.StatusTooManyRequests}, Handler: s.loginMFA,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/totp", Tag: tag, Auth: true,
		Summary:  "Start two-step sign-in: a new authenticator secret, pending until confirmed",
		Response: SchemaOf[auth.TOTPEnrolment]("TOTPEnrolment"),
		Problems: []int{http.StatusConflict}, Handler: s.enrolTOTP,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/totp/confirm", Tag: tag, Auth: true,
		Summary: "Turn two-step sign-in on with a code from the authenticator; answers the ten recovery codes, shown this once",
		Request: SchemaOf[codeRequest]("CodeRequest"), Response: SchemaOf[recoveryCodesResponse]("RecoveryCodes"),
		Problems: []int{http.StatusConflict, http.StatusTooManyRequests}, Handler: s.confirmTOTP,
	})
	s.Handle(Operation{
		Method: http.MethodDelete, Path: "/auth/totp", Tag: tag, Auth: true,
		Summary: "Turn two-step sign-in off with a code from the authenticator or a recovery code",
		Request: SchemaOf[codeRequest]("CodeRequest"), Status: http.StatusNoContent,
		Problems: []int{http.StatusConflict, http.StatusTooManyRequests}, Handler: s.disableTOTP,
	})
}

func (s *Server) loginMFA(c echo.Context) error {
	var req mfaLoginRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := required(namedValue{"mfa_token", req.MFAToken}, namedValue{"code", req.Code}); err != nil {
		return err
	}
	pair, err := s.auth.LoginMFA(c.Request().Context(), req.MFAToken, req.Code, clientAddr(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, pair)
}

func (s *Server) enrolTOTP(c echo.Context) error {
	e, err := s.auth.EnrolTOTP(c.Request().Context(), actor(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, e)
}

func (s *Server) confirmTOTP(c echo.Context) error {
	var req codeRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := required(namedValue{"code", req.Code}); err != nil {
		return err
	}
	codes, err := s.auth.ConfirmTOTP(c.Request().Context(), actor(c), req.Code)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, recoveryCodesResponse{RecoveryCodes: codes})
}

func (s *Server) disableTOTP(c echo.Context) error {
	var req codeRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := required(namedValue{"code", req.Code}); err != nil {
		return err
	}
	if err := s.auth.DisableTOTP(c.Request().Context(), actor(c), req.Code); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
