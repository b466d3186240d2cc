package auth

import "time"

// LoginThrottle counts the sign-in attempts of one key (an account and
// address pair, an address, or an account) in a fixed window.
type LoginThrottle struct {
	Key         string `gorm:"primaryKey"`
	WindowStart time.Time
	Attempts    int
}

// TableName is login_throttle.
func (LoginThrottle) TableName() string { return "login_throttle" }
