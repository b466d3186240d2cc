package httpapi

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/auth"
)

type registerRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	Name     string `json:"name"`
	Locale   string `json:"locale"`
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

type refreshRequest struct {
	RefreshToken string `json:"refresh_token"`
}

type tokenRequest struct {
	Token string `json:"token"`
}

// tokenPasswordRequest is a token from a mailed link and the password
// chosen with it: accepting an invitation, confirming a password reset.
type tokenPasswordRequest struct {
	Token    string `json:"token"`
	Password string `json:"password"`
}

// redeemToken reads a tokenPasswordRequest, neither field blank, and
// hands it to redeem.
func redeemToken(c echo.Context, redeem func(ctx context.Context, token, password string) error) error {
	var req tokenPasswordRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := required(namedValue{"token", req.Token}, namedValue{"password", req.Password}); err != nil {
		return err
	}
	return redeem(c.Request().Context(), req.Token, req.Password)
}

func (s *Server) registerAuthRoutes() {
	const tag = "auth"
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/register", Tag: tag,
		Summary: "Open an applicant account; an address that has one already gets the same answer, and its owner a mail",
		Request: SchemaOf[registerRequest]("RegisterRequest"), Response: SchemaOf[checkEmailResponse]("CheckEmail"),
		Status: http.StatusAccepted, Handler: s.register,
	})
	s.registerAccountRecoveryRoutes()
	s.registerOrganizationPeopleRoutes()
	s.registerTOTPRoutes()
	s.registerPasskeyRoutes()
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/login", Tag: tag,
		Summary: "Sign in with email and password; an account with two-step sign-in on answers {mfa_required, mfa_token, methods} instead of tokens",
		Request: SchemaOf[loginRequest]("LoginRequest"), Response: SchemaOf[auth.TokenPair]("TokenPair"),
		Problems: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusTooManyRequests}, Handler: s.login,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/refresh", Tag: tag,
		Summary: "Exchange a refresh token for a new token pair; a reused token ends its whole session",
		Request: SchemaOf[refreshRequest]("RefreshRequest"), Response: SchemaOf[auth.TokenPair]("TokenPair"),
		Problems: []int{http.StatusUnauthorized}, Handler: s.refresh,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/logout", Tag: tag, Auth: true,
		Summary: "End the session a refresh token belongs to, or without a body the bearer token's own; its access tokens answer 401 at once",
		Request: SchemaOf[refreshRequest]("RefreshRequest"),
		Status:  http.StatusNoContent, Handler: s.logout,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/logout-all", Tag: tag, Auth: true,
		Summary: "End every session of the signed-in user",
		Status:  http.StatusNoContent, Handler: s.logoutAll,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/verify-email", Tag: tag,
		Summary: "Verify an email address with the token from the mailed link",
		Request: SchemaOf[tokenRequest]("VerifyEmailRequest"),
		Status:  http.StatusNoContent, Handler: s.verifyEmail,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/accept-invitation", Tag: tag,
		Summary: "Accept an invitation by choosing a password",
		Request: SchemaOf[tokenPasswordRequest]("AcceptInvitationRequest"),
		Status:  http.StatusNoContent, Handler: s.acceptInvitation,
	})
}

func (s *Server) register(c echo.Context) error {
	var req registerRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	_, err := s.auth.Register(c.Request().Context(), auth.RegisterInput{
		Email: req.Email, Password: req.Password, Name: req.Name, Locale: req.Locale,
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, checkEmail)
}

func (s *Server) login(c echo.Context) error {
	var req loginRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	res, err := s.auth.SignIn(c.Request().Context(), req.Email, req.Password, clientAddr(c))
	if err != nil {
		return err
	}
	if res.MFA != nil {
		return c.JSON(http.StatusOK, res.MFA)
	}
	return c.JSON(http.StatusOK, res.Pair)
}

func (s *Server) refresh(c echo.Context) error {
	var req refreshRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := required(namedValue{"refresh_token", req.RefreshToken}); err != nil {
		return err
	}
	pair, err := s.auth.Refresh(c.Request().Context(), req.RefreshToken)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, pair)
}

// logout ends the session of the refresh token given, or, with an empty
// body, the session of the bearer token.
func (s *Server) logout(c echo.Context) error {
	var req refreshRequest
	if c.Request().ContentLength != 0 {
		if err := bindJSON(c, &req); err != nil {
			return err
		}
	}
	if err := s.auth.Logout(c.Request().Context(), actor(c), req.RefreshToken); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) logoutAll(c echo.Context) error {
	if err := s.auth.LogoutAll(c.Request().Context(), actor(c)); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) verifyEmail(c echo.Context) error {
	var req tokenRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := required(namedValue{"token", req.Token}); err != nil {
		return err
	}
	if err := s.auth.VerifyEmail(c.Request().Context(), req.Token); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) acceptInvitation(c echo.Context) error {
	if err := redeemToken(c, s.auth.AcceptInvitation); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
