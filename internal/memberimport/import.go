package memberimport

import (
	"database/sql/driver"
	"time"

	"github.com/accord-coalition/accord/internal/export"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/workflow"
)

// Import states (docs/api.md, Importing members).
const (
	StatePreviewed = "previewed"
	StateApplied   = "applied"
	StateDiscarded = "discarded"
)

// Import is one uploaded member list: the file's facts, its preview and,
// once applied, what it created.
type Import struct {
	ID           string     `json:"id" gorm:"primaryKey"`
	State        string     `json:"state"`
	Version      int        `json:"version"`
	Filename     string     `json:"filename"`
	Format       string     `json:"format"`
	Encoding     string     `json:"encoding"`
	Size         int64      `json:"size"`
	SHA256       string     `json:"sha256" gorm:"column:sha256"`
	RowCount     int        `json:"rows" gorm:"column:row_count"`
	ValidCount   int        `json:"valid" gorm:"column:valid_count"`
	Preview      Preview    `json:"-"`
	CreatedCount int        `json:"created" gorm:"column:created_count"`
	SkippedCount int        `json:"skipped" gorm:"column:skipped_count"`
	UploadedBy   *string    `json:"uploaded_by"`
	AppliedAt    *time.Time `json:"applied_at"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
}

// TableName implements GORM's tabler.
func (Import) TableName() string { return "member_imports" }

// ContentType is the media type of the file im was read from, to send it
// back as it was uploaded: a CSV file keeps whatever encoding it came in,
// so it is named without a charset.
func (im *Import) ContentType() string {
	if im.Format == FormatXLSX {
		return export.XLSXContentType
	}
	return "text/csv"
}

// WorkflowSubject implements workflow.Entity.
func (im *Import) WorkflowSubject() workflow.Subject {
	return workflow.Subject{ID: im.ID, State: im.State, Version: im.Version, Value: im}
}

// importFile holds an import's bytes, apart from the row lists read.
type importFile struct {
	ImportID string `gorm:"primaryKey"`
	Data     []byte
}

// TableName implements GORM's tabler.
func (importFile) TableName() string { return "member_import_files" }

// Models lists the package's GORM models, for the schema agreement test.
func Models() []any { return []any{&Import{}, &importFile{}} }

// Preview is what reading and checking the file found, kept with the
// import so the page and the apply speak of the same rows.
type Preview struct {
	// Columns are the columns found, in the file's order; Ignored the
	// headers that name none.
	Columns    []string    `json:"columns"`
	Ignored    []string    `json:"ignored"`
	Rows       []Row       `json:"rows"`
	Errors     []RowError  `json:"errors"`
	Duplicates []Duplicate `json:"duplicates"`
}

// Value implements driver.Valuer.
func (p Preview) Value() (driver.Value, error) { return store.JSONValue(p) }

// Scan implements sql.Scanner.
func (p *Preview) Scan(src any) error { return store.ScanJSON(src, p) }

// Row is one data row as read and normalised: what would be imported.
type Row struct {
	N                  int    `json:"row"`
	Name               string `json:"name"`
	NameEN             string `json:"name_en"`
	Acronym            string `json:"acronym"`
	Country            string `json:"country"` // the ISO code, when recognised
	CountryAsWritten   string `json:"country_as_written"`
	City               string `json:"city"`
	RegistrationNumber string `json:"registration_number"`
	Email              string `json:"email"`
	Website            string `json:"website"`
	MemberSince        string `json:"member_since"` // YYYY-MM-DD, when read
	Valid              bool   `json:"valid"`
}

// RowError is one problem of one cell: the row's number in the
// spreadsheet (the header is row 1), the column, what is wrong. Code names
// the problem for pages, which say it in the reader's language.
type RowError struct {
	Row     int    `json:"row"`
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Duplicate is a row that looks like an organisation already in Accord
// (OrganizationID) or like an earlier row of the same file (SameAsRow):
// same country, and the same normalised name or registration number.
// Applying skips it.
type Duplicate struct {
	Row            int      `json:"row"`
	OrganizationID string   `json:"organization_id,omitempty"`
	Name           string   `json:"name,omitempty"`
	MembershipID   string   `json:"membership_id,omitempty"`
	SameAsRow      int      `json:"same_as_row,omitempty"`
	Matches        []string `json:"matches"`
}

// View is an import as the API and the pages show it (docs/api.md,
// Importing members): the counts, every error and every duplicate, and
// the events the reader may fire now.
type View struct {
	Import
	Columns       []string    `json:"columns"`
	Ignored       []string    `json:"ignored_columns"`
	Errors        []RowError  `json:"errors"`
	Duplicates    []Duplicate `json:"duplicates"`
	AllowedEvents []string    `json:"allowed_events"`
}

func (im *Import) view() *View {
	v := &View{Import: *im, Columns: im.Preview.Columns, Ignored: im.Preview.Ignored,
		Errors: im.Preview.Errors, Duplicates: im.Preview.Duplicates, AllowedEvents: []string{}}
	for _, p := range []*[]string{&v.Columns, &v.Ignored} {
		if *p == nil {
			*p = []string{}
		}
	}
	if v.Errors == nil {
		v.Errors = []RowError{}
	}
	if v.Duplicates == nil {
		v.Duplicates = []Duplicate{}
	}
	return v
}
