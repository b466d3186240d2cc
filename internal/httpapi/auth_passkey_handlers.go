package httpapi

import (
	"encoding/json"
	"net/http"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/auth"
)

// passkeyRequest is a registration's answer: the PublicKeyCredential the
// browser's navigator.credentials.create gave, in its JSON form (binary
// fields base64url), and a name for the passkey.
type passkeyRequest struct {
	Name       string          `json:"name"`
	Credential json.RawMessage `json:"credential"`
}

// passkeyLoginRequest is the second step's answer with a passkey: the
// PublicKeyCredential of navigator.credentials.get.
type passkeyLoginRequest struct {
	MFAToken   string          `json:"mfa_token"`
	Credential json.RawMessage `json:"credential"`
}

type mfaTokenRequest struct {
	MFAToken string `json:"mfa_token"`
}

type passkeysResponse struct {
	Items []auth.PasskeyInfo `json:"items"`
}

// registerPasskeyRoutes adds passkeys as a second factor (docs/api.md
// "Accounts"): registering, listing and removing one's own, and the
// second step of signing in with one.
func (s *Server) registerPasskeyRoutes() {
	const tag = "auth"
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/webauthn/registration", Tag: tag, Auth: true,
		Summary:  "Start registering a passkey: the options for navigator.credentials.create, valid five minutes",
		Response: SchemaOf[protocol.CredentialCreation]("PasskeyCreationOptions"),
		Problems: []int{http.StatusConflict}, Handler: s.beginPasskeyRegistration,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/webauthn/passkeys", Tag: tag, Auth: true,
		Summary: "Finish registering a passkey with the browser's credential; the account's first second factor also answers ten recovery codes, shown this once",
		Request: SchemaOf[passkeyRequest]("PasskeyRequest"), Response: SchemaOf[auth.PasskeyCreated]("PasskeyCreated"),
		Status: http.StatusCreated, Problems: []int{http.StatusConflict}, Handler: s.finishPasskeyRegistration,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/auth/webauthn/passkeys", Tag: tag, Auth: true,
		Summary:  "The signed-in user's passkeys",
		Response: SchemaOf[passkeysResponse]("Passkeys"), Handler: s.listPasskeys,
	})
	s.Handle(Operation{
		Method: http.MethodDelete, Path: "/auth/webauthn/passkeys/:id", Tag: tag, Auth: true,
		Summary: "Remove one of one's passkeys; the last second factor takes the recovery codes with it",
		Status:  http.StatusNoContent, Problems: []int{http.StatusNotFound}, Handler: s.removePasskey,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/webauthn/login/options", Tag: tag,
		Summary: "The options for navigator.credentials.get at the second step of a sign-in, for its mfa_token",
		Request: SchemaOf[mfaTokenRequest]("MFATokenRequest"), Response: SchemaOf[protocol.CredentialAssertion]("PasskeyAssertionOptions"),
		Problems: []int{http.StatusUnauthorized, http.StatusConflict}, Handler: s.beginPasskeyLogin,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/auth/webauthn/login", Tag: tag,
		Summary: "Complete a two-step sign-in with a passkey's assertion; refusals are throttled like wrong codes",
		Request: SchemaOf[passkeyLoginRequest]("PasskeyLoginRequest"), Response: SchemaOf[auth.TokenPair]("TokenPair"),
		Problems: []int{http.StatusUnauthorized, http.StatusConflict, http.StatusTooManyRequests}, Handler: s.finishPasskeyLogin,
	})
}

func (s *Server) beginPasskeyRegistration(c echo.Context) error {
	creation, err := s.auth.BeginPasskeyRegistration(c.Request().Context(), actor(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, creation)
}

func (s *Server) finishPasskeyRegistration(c echo.Context) error {
	var req passkeyRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	out, err := s.auth.FinishPasskeyRegistration(c.Request().Context(), actor(c), req.Name, credentialBytes(req.Credential))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, out)
}

func (s *Server) listPasskeys(c echo.Context) error {
	keys, err := s.auth.ListPasskeys(c.Request().Context(), actor(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, passkeysResponse{Items: keys})
}

func (s *Server) removePasskey(c echo.Context) error {
	if err := s.auth.RemovePasskey(c.Request().Context(), actor(c), c.Param("id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) beginPasskeyLogin(c echo.Context) error {
	var req mfaTokenRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := required(namedValue{"mfa_token", req.MFAToken}); err != nil {
		return err
	}
	assertion, err := s.auth.BeginPasskeyLogin(c.Request().Context(), req.MFAToken)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, assertion)
}

func (s *Server) finishPasskeyLogin(c echo.Context) error {
	var req passkeyLoginRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := required(namedValue{"mfa_token", req.MFAToken}); err != nil {
		return err
	}
	pair, err := s.auth.FinishPasskeyLogin(c.Request().Context(), req.MFAToken, credentialBytes(req.Credential), clientAddr(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, pair)
}

// credentialBytes is the credential object as sent; JSON null counts as
// missing.
func credentialBytes(raw json.RawMessage) []byte {
	if string(raw) == "null" {
		return nil
	}
	return raw
}
