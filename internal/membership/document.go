package membership

import "time"

// Document kinds (docs/api.md: statutes, registration, report, financial,
// other).
const (
	DocStatutes     = "statutes"
	DocRegistration = "registration"
	DocReport       = "report"
	DocFinancial    = "financial"
	DocOther        = "other"
)

// DocumentKinds lists the kinds in the order pages offer them.
var DocumentKinds = []string{DocStatutes, DocRegistration, DocReport, DocFinancial, DocOther}

// RequiredDocuments must each be attached before an application is
// submitted: the statutes, the registration certificate and the latest
// annual or activity report (docs/domain.md, submit).
var RequiredDocuments = []string{DocStatutes, DocRegistration, DocReport}

const (
	// MaxDocumentBytes is the largest document accepted: 10 MiB, enough
	// for scanned statutes, small enough for a poor connection.
	MaxDocumentBytes = 10 << 20
	// maxDocuments bounds what one application may hold, since the bytes
	// live in the database by default.
	maxDocuments = 30
	// maxFilenameLen is in characters; longer names are cut.
	maxFilenameLen = 150
)

// Document is a file attached to a membership application. Its bytes are
// kept by the DocumentStorage under StorageKey; the row is what lists and
// downloads read.
type Document struct {
	ID            string    `json:"id" gorm:"primaryKey"`
	ApplicationID string    `json:"-"`
	Kind          string    `json:"kind"`
	Filename      string    `json:"filename"`
	ContentType   string    `json:"content_type"`
	Size          int64     `json:"size"`
	SHA256        string    `json:"sha256" gorm:"column:sha256"`
	StorageKey    string    `json:"-"`
	UploadedBy    *string   `json:"-"`
	CreatedAt     time.Time `json:"created_at"`
}

// TableName implements GORM's tabler.
func (Document) TableName() string { return "application_documents" }

// Upload is a file as a client sent it: the kind it claims and the name
// it gave. Neither the name nor any header decides the type; the content
// does.
type Upload struct {
	Kind     string
	Filename string
	Data     []byte
}
