package httpapi

import (
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
)

const (
	ctxActor     = "accord.actor"
	ctxAuthError = "accord.auth_error"
)

// TokenExtractor finds the access token a request carries, or returns "".
// The API reads the Authorization header (BearerToken); the web pages will
// read the same token from their HttpOnly cookie with an extractor of their
// own passed to Authenticate.
type TokenExtractor func(c echo.Context) string

// BearerToken reads "Authorization: Bearer <token>".
func BearerToken(c echo.Context) string {
	scheme, token, ok := strings.Cut(c.Request().Header.Get(echo.HeaderAuthorization), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}

// Authenticate resolves the token that extract finds into the acting user.
// A request without a valid token goes on as the public: public routes must
// keep working for a client that still sends an expired token (to
// /auth/refresh, say); routes that need a user answer 401 in requireAuth.
func (s *Server) Authenticate(extract TokenExtractor) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			token := extract(c)
			if token == "" {
				return next(c)
			}
			a, err := s.auth.Authenticate(c.Request().Context(), token)
			switch {
			case err == nil:
				c.Set(ctxActor, a)
				if err := s.enrolFirst(c, a); err != nil {
					return err
				}
			case accord.KindOf(err) == accord.KindUnauthenticated:
				c.Set(ctxAuthError, err)
			default:
				// The database failing is not the client's fault: 500.
				return err
			}
			return next(c)
		}
	}
}

// requireAuth answers 401 unless a user is signed in.
func requireAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if actor(c).Public() {
			if err, ok := c.Get(ctxAuthError).(error); ok {
				return err
			}
			return accord.Errorf(accord.KindUnauthenticated, "Sign in first: send Authorization: Bearer <access token>.")
		}
		return next(c)
	}
}

// actor is the acting user of the request, carrying its request id; the
// zero Actor (with only a request id) is the public.
func actor(c echo.Context) accord.Actor {
	a, _ := c.Get(ctxActor).(accord.Actor)
	a.RequestID = requestIDOf(c)
	return a
}

// clientAddrExtractor decides what c.RealIP() returns. Behind a proxy
// (Config.TrustProxy) the client is the last untrusted address in
// X-Forwarded-For, proxies on loopback and private networks being trusted;
// otherwise the header is ignored, since anyone can send it, and the
// socket's address counts.
func clientAddrExtractor(trustProxy bool) echo.IPExtractor {
	if trustProxy {
		return echo.ExtractIPFromXFFHeader()
	}
	return echo.ExtractIPDirect()
}

// clientAddr is the client's network address as the rate limits and
// anonymous idempotency keys see it.
func clientAddr(c echo.Context) string { return c.RealIP() }
