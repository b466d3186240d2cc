package auth

import "time"

// Config is what the auth service needs from the server's configuration.
type Config struct {
	// SecretKey is the server secret; the access-token signing key is
	// derived from it, so every server sharing it accepts the others' tokens.
	SecretKey  []byte
	AccessTTL  time.Duration
	RefreshTTL time.Duration
	// EmailVerification refuses sign-in until the address is verified.
	EmailVerification bool
	// BaseURL prefixes the links in verification and invitation mails.
	BaseURL    string
	Argon2     Argon2Params
	Now        func() time.Time
	LoginLimit LoginLimit
	// TwoFactor is who must turn on two-step sign-in: TwoFactorOptional
	// (nobody; the default) or TwoFactorStaff.
	TwoFactor string
}

// LoginLimit bounds password guessing over a fixed window, so that neither
// one account nor one address can be used to guess quickly, while the
// owner is never locked out from an address that has not been guessing.
type LoginLimit struct {
	// PerAccount is the attempts at one account (the email tried) from
	// one client address.
	PerAccount int
	// PerAddress is the attempts from one client address, at any accounts.
	PerAddress int
	// AccountSlowdown is the failures of one account, from any addresses,
	// after which an address gets only one attempt at it per window.
	AccountSlowdown int
	Window          time.Duration
}

// Argon2Params are argon2id's cost settings. Memory is in KiB.
type Argon2Params struct {
	Memory  uint32
	Time    uint32
	Threads uint8
	SaltLen uint32
	KeyLen  uint32
}

// DefaultArgon2 is RFC 9106's second recommended option (64 MiB, one pass,
// here two lanes), for servers without much memory to spare.
var DefaultArgon2 = Argon2Params{Memory: 64 * 1024, Time: 1, Threads: 2, SaltLen: 16, KeyLen: 32}

// DefaultConfig returns the production settings for secret.
func DefaultConfig(secret []byte) Config {
	return Config{
		SecretKey:         secret,
		AccessTTL:         15 * time.Minute,
		RefreshTTL:        30 * 24 * time.Hour,
		EmailVerification: true,
		BaseURL:           "http://localhost:8080",
		Argon2:            DefaultArgon2,
		Now:               time.Now,
		LoginLimit:        LoginLimit{PerAccount: 10, PerAddress: 30, AccountSlowdown: 50, Window: 15 * time.Minute},
	}
}
