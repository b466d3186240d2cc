package membership

import (
	"database/sql/driver"
	"time"

	"github.com/accord-coalition/accord/internal/namekey"
	"github.com/accord-coalition/accord/internal/store"
)

// ECOSOC consultative statuses (docs/api.md, Organisation).
const (
	EcosocNone    = "none"
	EcosocSpecial = "special"
	EcosocGeneral = "general"
	EcosocRoster  = "roster"
)

// UNCACChapters are the chapters of the Convention an organisation may
// focus on.
var UNCACChapters = []string{"II", "III", "IV", "V", "VI"}

// Declarations are the commitments an organisation accepts to apply and
// reconfirms every year.
type Declarations struct {
	NonProfit               bool `json:"non_profit"`
	IndependentOfGovernment bool `json:"independent_of_government"`
	NotPoliticalParty       bool `json:"not_political_party"`
	AdheresToValues         bool `json:"adheres_to_values"`
}

// All reports whether every declaration is accepted.
func (d Declarations) All() bool {
	return d.NonProfit && d.IndependentOfGovernment && d.NotPoliticalParty && d.AdheresToValues
}

// Value implements driver.Valuer.
func (d Declarations) Value() (driver.Value, error) { return store.JSONValue(d) }

// Scan implements sql.Scanner.
func (d *Declarations) Scan(src any) error { return store.ScanJSON(src, d) }

// Organization is an NGO's profile. Names are stored as written, in their
// own script; the *_key columns hold normalised forms for search.
type Organization struct {
	ID                    string           `json:"id" gorm:"primaryKey"`
	Name                  string           `json:"name"`
	NameEN                string           `json:"name_en" gorm:"column:name_en"`
	Acronym               string           `json:"acronym"`
	Country               string           `json:"country"`
	Region                string           `json:"region"`
	City                  string           `json:"city"`
	RegistrationNumber    string           `json:"registration_number"`
	RegistrationAuthority string           `json:"registration_authority"`
	YearFounded           *int             `json:"year_founded"`
	Website               string           `json:"website"`
	Email                 string           `json:"email"`
	Phone                 string           `json:"phone"`
	Areas                 store.StringList `json:"areas"`
	UNCACChapters         store.StringList `json:"uncac_chapters" gorm:"column:uncac_chapters"`
	EcosocStatus          string           `json:"ecosoc_status"`
	EcosocSince           *int             `json:"ecosoc_since"`
	Declarations          Declarations     `json:"declarations"`
	NameKey               string           `json:"-"`
	NameENKey             string           `json:"-" gorm:"column:name_en_key"`
	RegistrationKey       string           `json:"-"`
	Version               int              `json:"version"`
	CreatedBy             *string          `json:"-"`
	CreatedAt             time.Time        `json:"created_at"`
	UpdatedAt             time.Time        `json:"updated_at"`
}

// RefreshKeys recomputes the normalised search keys from the names.
func (o *Organization) RefreshKeys() {
	o.NameKey = namekey.Of(o.Name)
	o.NameENKey = namekey.Of(o.NameEN)
	o.RegistrationKey = namekey.Registration(o.RegistrationNumber)
}

// HasEcosocStatus reports whether the organisation holds consultative
// status with ECOSOC, which rule 17 admits directly.
func (o *Organization) HasEcosocStatus() bool {
	return o.EcosocStatus != "" && o.EcosocStatus != EcosocNone
}
