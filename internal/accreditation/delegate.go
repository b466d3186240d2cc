package accreditation

import (
	"time"

	"github.com/accord-coalition/accord/internal/accord"
)

// Delegate states (docs/domain.md, Delegates).
const (
	DelegateNominated   = "nominated"
	DelegateConfirmed   = "confirmed"
	DelegateBadgeIssued = "badge_issued"
	DelegateCheckedIn   = "checked_in"
	DelegateReplaced    = "replaced"
	DelegateCancelled   = "cancelled"
)

// Delegate is a person an accredited organisation sends. The passport
// number is kept only encrypted, and only its last characters are ever
// shown.
type Delegate struct {
	ID                     string       `json:"id" gorm:"primaryKey"`
	AccreditationRequestID string       `json:"accreditation_request_id"`
	State                  string       `json:"state"`
	Version                int          `json:"version"`
	GivenName              string       `json:"given_name"`
	FamilyName             string       `json:"family_name"`
	GivenNameOriginal      string       `json:"given_name_original"`
	FamilyNameOriginal     string       `json:"family_name_original"`
	Title                  string       `json:"title"`
	OrganizationRole       string       `json:"organization_role"`
	Gender                 string       `json:"gender"`
	Nationality            string       `json:"nationality"`
	PassportNumberEnc      []byte       `json:"-" gorm:"column:passport_number_enc"`
	PassportHint           string       `json:"passport_hint"`
	PassportExpiry         *accord.Date `json:"passport_expiry"`
	Email                  string       `json:"email"`
	NeedsVisaLetter        bool         `json:"needs_visa_letter"`
	ReplacesID             *string      `json:"replaces_id"`
	CheckedInAt            *time.Time   `json:"checked_in_at"`
	// BadgeCode is the short code printed under the badge's QR code, for
	// typing at a door; set when the badge is issued.
	BadgeCode *string   `json:"badge_code,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	// NameKey is the search key of the names (internal/namekey), written
	// with every nomination; never shown.
	NameKey string `json:"-"`

	// ConferenceID and PassportKey (a keyed hash of the number) let a
	// unique index keep one person to one live nomination per conference.
	ConferenceID *string `json:"-"`
	PassportKey  []byte  `json:"-"`
}
