package auth

import (
	"time"

	"github.com/accord-coalition/accord/internal/accord"
)

// User is a person who signs in. The password hash never leaves the
// package in JSON.
type User struct {
	ID              string      `gorm:"primaryKey" json:"id"`
	Email           string      `json:"email"`
	Name            string      `json:"name"`
	Role            accord.Role `json:"role"`
	Locale          string      `json:"locale"`
	OrganizationID  *string     `json:"organization_id"`
	Country         *string     `json:"country"`
	ConferenceID    *string     `json:"conference_id,omitempty"`
	Regions         []string    `gorm:"-" json:"regions"`
	EmailVerifiedAt *time.Time  `json:"email_verified_at"`
	Disabled        bool        `json:"disabled"`
	CreatedAt       time.Time   `json:"created_at"`
	UpdatedAt       time.Time   `json:"updated_at"`
	PasswordHash    string      `json:"-"`
}

// TableName is users.
func (User) TableName() string { return "users" }

// UserRegion assigns a coordinator to one coalition region.
type UserRegion struct {
	UserID string `gorm:"primaryKey"`
	Region string `gorm:"primaryKey"`
}

// TableName is user_regions.
func (UserRegion) TableName() string { return "user_regions" }

// Actor is the acting identity of u for service calls.
func (u *User) Actor() accord.Actor {
	a := accord.Actor{UserID: u.ID, Role: u.Role, Regions: u.Regions, Locale: u.Locale}
	if u.OrganizationID != nil {
		a.OrganizationID = *u.OrganizationID
	}
	if u.Country != nil {
		a.Country = *u.Country
	}
	if u.ConferenceID != nil {
		a.ConferenceID = *u.ConferenceID
	}
	return a
}

// Models lists the GORM models of the tables this package owns
// (migrations/*/00002_auth.sql, 00010_accounts.sql, 00017_totp.sql and
// 00018_passkeys.sql).
func Models() []any {
	return []any{&User{}, &UserRegion{}, &RefreshToken{}, &UserToken{}, &Session{}, &LoginThrottle{},
		&UserTOTP{}, &RecoveryCode{}, &MFAChallenge{}, &Passkey{}, &PasskeyRegistration{}}
}
