package auth

import (
	"context"

	"github.com/accord-coalition/accord/internal/accord"
)

// The values of Config.TwoFactor (ACCORD_2FA).
const (
	TwoFactorOptional = "optional"
	TwoFactorStaff    = "staff"
)

// mustEnrolRoles are the roles ACCORD_2FA=staff makes turn on two-step
// sign-in: those who can read or decide on other people's records.
var mustEnrolRoles = []accord.Role{accord.RoleSecretariat, accord.RoleAdmin, accord.RoleCoordinator, accord.RoleStateParty}

// EnrolmentRequired is the one rule the API and the web pages both apply
// on every signed-in request (docs/domain.md "Accounts"): under
// ACCORD_2FA=staff, a staff member without a second factor (a confirmed
// authenticator app or a passkey, the same either way) may only read
// their own account, enrol and sign out until they turn it on.
func (s *Service) EnrolmentRequired(ctx context.Context, actor accord.Actor) (bool, error) {
	if s.cfg.TwoFactor != TwoFactorStaff || actor.Public() || !actor.Is(mustEnrolRoles...) {
		return false, nil
	}
	on, err := s.secondFactorOn(s.db.WithContext(ctx), actor.UserID)
	if err != nil {
		return false, err
	}
	return !on, nil
}

// ErrEnrolFirst is the refusal of anything else to such a staff member.
func ErrEnrolFirst() error {
	return accord.Forbidden("turn on two-step sign-in first: POST /api/v1/auth/totp, then POST /api/v1/auth/totp/confirm with a code; or register a passkey (POST /api/v1/auth/webauthn/registration, then POST /api/v1/auth/webauthn/passkeys)")
}
