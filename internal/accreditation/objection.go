package accreditation

import "time"

// Objection states: lodged live; withdrawn by its State; at the
// Conference's decision, sustained (denied) or overruled (admitted).
const (
	ObjectionLive      = "live"
	ObjectionWithdrawn = "withdrawn"
	ObjectionSustained = "sustained"
	ObjectionOverruled = "overruled"
)

// Objection is one State party's objection to one request, with its
// grounds. Accord requires grounds: the complaint it answers is objections
// without them.
type Objection struct {
	ID                     string    `json:"id" gorm:"primaryKey"`
	AccreditationRequestID string    `json:"accreditation_request_id"`
	Country                string    `json:"country"`
	State                  string    `json:"state"`
	Version                int       `json:"version"`
	Grounds                string    `json:"grounds"`
	LodgedBy               *string   `json:"-"`
	CreatedAt              time.Time `json:"created_at"`
	UpdatedAt              time.Time `json:"updated_at"`
}

// Reply is the NGO's answer to an objection, visible to States parties and
// the secretariat.
type Reply struct {
	ID          string    `json:"id" gorm:"primaryKey"`
	ObjectionID string    `json:"-"`
	Text        string    `json:"text"`
	AuthorID    *string   `json:"-"`
	CreatedAt   time.Time `json:"created_at"`
}

// TableName implements GORM's tabler.
func (Reply) TableName() string { return "objection_replies" }
