package httpapi

// The server's internals that its tests, which run on the whole
// application in package httpapi_test, check directly.
var (
	DecodeJSON          = decodeJSON
	OpenAPIPath         = openAPIPath
	ClientAddr          = clientAddr
	ClientAddrExtractor = clientAddrExtractor
)

const (
	ContentSecurityPolicy = contentSecurityPolicy
	IdempotencyTTL        = idempotencyTTL
)

type (
	RegisterRequest         = registerRequest
	LoginRequest            = loginRequest
	RefreshRequest          = refreshRequest
	AcceptInvitationRequest = tokenPasswordRequest
	CreateUserRequest       = createUserRequest
	CreateUserResponse      = createUserResponse
	StatusResponse          = statusResponse
	TokenRequest            = tokenRequest
	EmailRequest            = emailRequest
	ResetPasswordRequest    = tokenPasswordRequest
)
