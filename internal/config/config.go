// Package config reads Accord's settings from ACCORD_* environment variables
// once, at start, into a typed struct that is validated and passed down.
package config

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is every setting Accord reads. README.md lists the variables.
type Config struct {
	Listen              string
	MetricsListen       string // empty: /metrics on the main listener
	DatabaseURL         string // empty: embedded SQLite under DataDir
	DataDir             string
	SecretKey           []byte
	BaseURL             string
	SMTPURL             string
	SMTPFrom            string
	EmailVerification   bool
	TickInterval        time.Duration
	AllowShortDeadlines bool
	Demo                bool
	LogLevel            string
	TrustProxy          bool // take the client address from X-Forwarded-For
	PassportRetention   time.Duration
	// WebhookAllowPrivate lets webhooks deliver to loopback, private and
	// link-local addresses, which are otherwise refused against SSRF.
	WebhookAllowPrivate bool
	// TwoFactor is ACCORD_2FA: "optional", or "staff" to make the
	// secretariat, admins, coordinators and State parties' officials turn
	// on two-step sign-in before they can do anything else.
	TwoFactor string
}

// Getenv looks a variable up; tests pass a map's lookup instead of os.Getenv.
type Getenv func(string) string

// Load reads the configuration from getenv. A variable NAME may instead be
// given as NAME_FILE, the path of a file holding the value, so secrets can
// come from mounted files rather than the process environment.
func Load(getenv Getenv) (Config, error) {
	get := func(name, def string) (string, error) {
		if v := getenv(name); v != "" {
			return v, nil
		}
		if path := getenv(name + "_FILE"); path != "" {
			b, err := os.ReadFile(path)
			if err != nil {
				return "", fmt.Errorf("read %s_FILE: %w", name, err)
			}
			return strings.TrimSpace(string(b)), nil
		}
		return def, nil
	}
	var errs []error
	str := func(name, def string) string {
		v, err := get(name, def)
		if err != nil {
			errs = append(errs, err)
		}
		return v
	}
	boolean := func(name string, def bool) bool {
		v := str(name, strconv.FormatBool(def))
		b, err := strconv.ParseBool(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %q is not true or false", name, v))
		}
		return b
	}
	duration := func(name, def string) time.Duration {
		v := str(name, def)
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			errs = append(errs, fmt.Errorf("%s: %q is not a positive duration such as 30s", name, v))
		}
		return d
	}

	c := Config{
		Listen:              str("ACCORD_LISTEN", ":8080"),
		MetricsListen:       str("ACCORD_METRICS_LISTEN", ""),
		DatabaseURL:         str("ACCORD_DATABASE_URL", ""),
		DataDir:             str("ACCORD_DATA_DIR", "./data"),
		BaseURL:             strings.TrimRight(str("ACCORD_BASE_URL", "http://localhost:8080"), "/"),
		SMTPURL:             str("ACCORD_SMTP_URL", ""),
		SMTPFrom:            str("ACCORD_SMTP_FROM", "Accord <no-reply@localhost>"),
		EmailVerification:   boolean("ACCORD_EMAIL_VERIFICATION", true),
		TickInterval:        duration("ACCORD_TICK_INTERVAL", "30s"),
		AllowShortDeadlines: boolean("ACCORD_ALLOW_SHORT_DEADLINES", false),
		Demo:                boolean("ACCORD_DEMO", false),
		LogLevel:            str("ACCORD_LOG_LEVEL", "info"),
		TrustProxy:          boolean("ACCORD_TRUST_PROXY", false),
		PassportRetention:   duration("ACCORD_PASSPORT_RETENTION", "2160h"),
		WebhookAllowPrivate: boolean("ACCORD_WEBHOOK_ALLOW_PRIVATE", false),
		TwoFactor:           str("ACCORD_2FA", "optional"),
	}
	if c.TwoFactor != "optional" && c.TwoFactor != "staff" {
		errs = append(errs, fmt.Errorf("ACCORD_2FA: %q is neither optional nor staff", c.TwoFactor))
	}
	if key := str("ACCORD_SECRET_KEY", ""); key != "" {
		if len(key) < 32 {
			errs = append(errs, errors.New("ACCORD_SECRET_KEY: must be at least 32 characters"))
		}
		c.SecretKey = []byte(key)
	}
	if c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		errs = append(errs, errors.New("ACCORD_DATABASE_URL: must start with postgres:// (leave it empty for the embedded SQLite file)"))
	}
	if c.SMTPURL != "" {
		if u, err := url.Parse(c.SMTPURL); err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Host == "" {
			errs = append(errs, errors.New("ACCORD_SMTP_URL: must look like smtp://user:pass@host:port"))
		}
	}
	if u, err := url.Parse(c.BaseURL); err != nil || u.Scheme == "" || u.Host == "" {
		errs = append(errs, fmt.Errorf("ACCORD_BASE_URL: %q is not an absolute URL", c.BaseURL))
	}
	return c, errors.Join(errs...)
}

// EnsureSecretKey fills SecretKey from $DataDir/secret.key, generating that
// file on first start, when ACCORD_SECRET_KEY is not set. Several servers
// sharing one database must share one key: set ACCORD_SECRET_KEY for them.
func (c *Config) EnsureSecretKey() error {
	if len(c.SecretKey) > 0 {
		return nil
	}
	path := filepath.Join(c.DataDir, "secret.key")
	b, err := os.ReadFile(path)
	if err == nil && len(strings.TrimSpace(string(b))) >= 32 {
		c.SecretKey = []byte(strings.TrimSpace(string(b)))
		return nil
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("read secret key: %w", err)
	}
	if err := os.MkdirAll(c.DataDir, 0o700); err != nil {
		return fmt.Errorf("create data dir: %w", err)
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return fmt.Errorf("generate secret key: %w", err)
	}
	key := hex.EncodeToString(raw)
	if err := os.WriteFile(path, []byte(key+"\n"), 0o600); err != nil {
		return fmt.Errorf("write secret key: %w", err)
	}
	c.SecretKey = []byte(key)
	return nil
}

// SQLitePath is where the embedded database lives.
func (c Config) SQLitePath() string { return filepath.Join(c.DataDir, "accord.db") }

// UsesTLS reports whether the public address is https, which turns on HSTS
// and Secure cookies.
func (c Config) UsesTLS() bool { return strings.HasPrefix(c.BaseURL, "https://") }
