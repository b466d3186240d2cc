package auth

import (
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"
	"github.com/google/uuid"
)

// Passkey is a WebAuthn credential registered as a second factor: the
// authenticator's public key and what the relying party must remember of
// it between ceremonies (docs/domain.md "Accounts").
type Passkey struct {
	ID           string `gorm:"primaryKey"`
	UserID       string
	CredentialID []byte
	PublicKey    []byte
	// SignCount is the authenticator's counter at its last use; one that
	// does not move forward marks a cloned authenticator.
	SignCount int64
	AAGUID    []byte `gorm:"column:aaguid"`
	// Transports are the authenticator's transports, comma-separated, as
	// the browser reported them; they are handed back in the assertion
	// options so the browser knows where to look.
	Transports string
	// Flags are the authenticator data flags at registration (the backup
	// bits the library checks again at each sign-in).
	Flags           int
	AttestationType string
	Name            string
	CreatedAt       time.Time
	LastUsedAt      *time.Time
}

// TableName is passkeys.
func (Passkey) TableName() string { return "passkeys" }

// PasskeyRegistration is a registration ceremony under way: the session
// data the library needs to check the browser's answer, one per user.
type PasskeyRegistration struct {
	UserID    string `gorm:"primaryKey"`
	Session   string
	ExpiresAt time.Time
}

// TableName is passkey_registrations.
func (PasskeyRegistration) TableName() string { return "passkey_registrations" }

// PasskeyInfo is what the owner sees of a passkey.
type PasskeyInfo struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
}

func (p Passkey) info() PasskeyInfo {
	return PasskeyInfo{ID: p.ID, Name: p.Name, CreatedAt: p.CreatedAt, LastUsedAt: p.LastUsedAt}
}

const (
	// passkeyCeremonyTTL is how long a registration may take, the same
	// as a sign-in's second step.
	passkeyCeremonyTTL = mfaChallengeTTL
	// passkeyNameMax bounds the name the owner gives a passkey.
	passkeyNameMax = 100
	rpDisplayName  = "Accord"
)

// newRelyingParty makes the WebAuthn relying party of the public address
// baseURL: its host is the RP ID and its scheme, host and port the one
// origin accepted. Browsers refuse an IP address as RP ID, so a server
// reached by IP cannot offer passkeys; the error says so.
func newRelyingParty(baseURL string) (*webauthn.WebAuthn, error) {
	u, err := url.Parse(baseURL)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return nil, fmt.Errorf("passkeys: base URL %q is not an absolute URL", baseURL)
	}
	host := strings.ToLower(u.Hostname())
	if net.ParseIP(host) != nil {
		return nil, fmt.Errorf("passkeys: base URL %q names an IP address; browsers accept only a host name as a relying party", baseURL)
	}
	origin := u.Scheme + "://" + host
	if port := u.Port(); port != "" && !(u.Scheme == "https" && port == "443") && !(u.Scheme == "http" && port == "80") {
		origin += ":" + port
	}
	rp, err := webauthn.New(&webauthn.Config{
		RPID:                  host,
		RPDisplayName:         rpDisplayName,
		RPOrigins:             []string{origin},
		AttestationPreference: protocol.PreferNoAttestation,
		AuthenticatorSelection: protocol.AuthenticatorSelection{
			ResidentKey:      protocol.ResidentKeyRequirementPreferred,
			UserVerification: protocol.VerificationPreferred,
		},
	})
	if err != nil {
		return nil, fmt.Errorf("passkeys: %w", err)
	}
	return rp, nil
}

// passkeyUser is a user as the WebAuthn library sees one: the user handle
// is the account's id, and the credentials are its passkeys.
type passkeyUser struct {
	u     *User
	creds []webauthn.Credential
}

func newPasskeyUser(u *User, keys []Passkey) passkeyUser {
	pu := passkeyUser{u: u, creds: make([]webauthn.Credential, 0, len(keys))}
	for _, k := range keys {
		pu.creds = append(pu.creds, k.credential())
	}
	return pu
}

func (p passkeyUser) WebAuthnID() []byte {
	id, err := uuid.Parse(p.u.ID)
	if err != nil {
		return []byte(p.u.ID)
	}
	return id[:]
}

func (p passkeyUser) WebAuthnName() string { return p.u.Email }

func (p passkeyUser) WebAuthnDisplayName() string {
	if p.u.Name != "" {
		return p.u.Name
	}
	return p.u.Email
}

func (p passkeyUser) WebAuthnCredentials() []webauthn.Credential { return p.creds }

// credential is the stored passkey as the library checks an assertion
// against it.
func (p Passkey) credential() webauthn.Credential {
	var transports []protocol.AuthenticatorTransport
	for t := range strings.SplitSeq(p.Transports, ",") {
		if t != "" {
			transports = append(transports, protocol.AuthenticatorTransport(t))
		}
	}
	return webauthn.Credential{
		ID:              p.CredentialID,
		PublicKey:       p.PublicKey,
		AttestationType: p.AttestationType,
		Transport:       transports,
		Flags:           webauthn.NewCredentialFlags(protocol.AuthenticatorFlags(byte(p.Flags))),
		Authenticator: webauthn.Authenticator{
			AAGUID:    p.AAGUID,
			SignCount: uint32(p.SignCount),
		},
	}
}

// newPasskey is the row of a credential the library has just verified.
func newPasskey(userID, name string, c *webauthn.Credential, now time.Time) Passkey {
	transports := make([]string, 0, len(c.Transport))
	for _, t := range c.Transport {
		transports = append(transports, string(t))
	}
	aaguid := c.Authenticator.AAGUID
	if aaguid == nil {
		aaguid = []byte{}
	}
	return Passkey{
		ID:              uuid.NewString(),
		UserID:          userID,
		CredentialID:    c.ID,
		PublicKey:       c.PublicKey,
		SignCount:       int64(c.Authenticator.SignCount),
		AAGUID:          aaguid,
		Transports:      strings.Join(transports, ","),
		Flags:           int(c.Flags.ProtocolValue()),
		AttestationType: c.AttestationType,
		Name:            name,
		CreatedAt:       now,
	}
}
