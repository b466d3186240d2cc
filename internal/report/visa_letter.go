package report

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store"
)

// VisaLetter is a visa support letter kept with the accreditation request
// of the delegate it is for. The PDF itself is only ever returned by
// VisaLetterPDF.
type VisaLetter struct {
	ID                     string     `json:"id" gorm:"primaryKey"`
	DelegateID             string     `json:"delegate_id"`
	AccreditationRequestID string     `json:"accreditation_request_id"`
	Locale                 string     `json:"locale"`
	PDFSealed              []byte     `json:"-" gorm:"column:pdf_sealed"`
	Size                   int        `json:"size"`
	SHA256                 string     `json:"sha256" gorm:"column:sha256"`
	CreatedBy              *string    `json:"-"`
	CreatedAt              time.Time  `json:"created_at"`
	PurgedAt               *time.Time `json:"purged_at,omitempty"`
}

// TableName implements GORM's tabler.
func (VisaLetter) TableName() string { return "visa_letters" }

// Models lists the package's GORM models, for the schema agreement test.
func Models() []any { return []any{&VisaLetter{}} }

// letterStates are the delegates a letter may be written for: those the
// secretariat confirmed, whether or not their badge is out yet.
var letterStates = []string{accreditation.DelegateConfirmed, accreditation.DelegateBadgeIssued, accreditation.DelegateCheckedIn}

// audit entity of visa letter events.
const letterEntity = "visa_letter"

// GenerateVisaLetter writes a delegate's visa support letter in locale
// (English unless ar, fr or es) and keeps it, sealed, with the request.
// Only the secretariat writes letters, and only for a confirmed delegate
// who asked for one, of an organisation accredited to the conference. The
// passport number is read through the accreditation service, which audits
// the reading; the letter's generation is audited too.
func (s *Service) GenerateVisaLetter(ctx context.Context, actor accord.Actor, delegateID, locale string) (*VisaLetter, error) {
	locale = exportLocale(locale)
	var facts *letterFacts
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		d, r, err := s.delegateForLetter(ctx, tx, actor, delegateID, ActionGenerate)
		if err != nil {
			return err
		}
		switch {
		case !d.NeedsVisaLetter:
			return accord.Invalid("the delegate did not ask for a visa support letter",
				accord.Field("needs_visa_letter", "is false"))
		case r.State != accreditation.RequestAccredited:
			return accord.Conflict("no visa letter: the organisation's request is %s, not accredited", r.State)
		case !slices.Contains(letterStates, d.State):
			return accord.Conflict("no visa letter: the delegate is %s; confirm the delegate first", d.State)
		}
		facts, err = loadLetterFacts(ctx, tx, d, r, locale)
		return err
	})
	if err != nil {
		return nil, wrap("visa letter", err)
	}
	facts.passport, err = s.accr.PassportNumber(ctx, actor, delegateID)
	if accord.KindOf(err) == accord.KindNotFound {
		return nil, accord.Invalid("no passport number is on file for the delegate",
			accord.Field("passport_number", "nominate the delegate with a passport number"))
	}
	if err != nil {
		return nil, err
	}
	// A time-ordered id: of two letters written in the same instant, the
	// later one is still the latest.
	id, err := uuid.NewV7()
	if err != nil {
		return nil, fmt.Errorf("visa letter id: %w", err)
	}
	letter := &VisaLetter{ID: id.String(), DelegateID: delegateID, AccreditationRequestID: facts.request.ID,
		Locale: locale, CreatedAt: s.now()}
	facts.reference, facts.date = letter.ID, letter.CreatedAt
	var pdf bytes.Buffer
	if err := writeLetter(&pdf, facts); err != nil {
		return nil, fmt.Errorf("visa letter: %w", err)
	}
	sum := sha256.Sum256(pdf.Bytes())
	letter.Size, letter.SHA256 = pdf.Len(), hex.EncodeToString(sum[:])
	if letter.PDFSealed, err = s.letters.Seal(pdf.Bytes(), []byte(letter.ID)); err != nil {
		return nil, err
	}
	if actor.UserID != "" {
		letter.CreatedBy = &actor.UserID
	}
	err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if err := tx.WithContext(ctx).Create(letter).Error; err != nil {
			return fmt.Errorf("insert visa letter: %w", err)
		}
		return s.auditLetter(ctx, tx, actor, letter, facts.conference.Code, "visa_letter_generated")
	})
	if err != nil {
		return nil, wrap("visa letter", err)
	}
	return letter, nil
}

// VisaLetterPDF returns the latest visa letter of a delegate, for the
// secretariat and the applicants of the delegate's organisation. Every
// download is audited.
func (s *Service) VisaLetterPDF(ctx context.Context, actor accord.Actor, delegateID string) (*VisaLetter, []byte, error) {
	var (
		letter VisaLetter
		pdf    []byte
	)
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		_, r, err := s.delegateForLetter(ctx, tx, actor, delegateID, auth.ActionRead)
		if err != nil {
			return err
		}
		err = tx.WithContext(ctx).Where("delegate_id = ?", delegateID).Order("created_at DESC, id DESC").Take(&letter).Error
		if store.IsNotFound(err) || (err == nil && letter.PDFSealed == nil) {
			// Never written, or erased with the passport numbers.
			return accord.NotFound("visa letter")
		}
		if err != nil {
			return fmt.Errorf("visa letter: %w", err)
		}
		if pdf, err = s.letters.Open(letter.PDFSealed, []byte(letter.ID)); err != nil {
			return err
		}
		var code string
		if err := tx.WithContext(ctx).Model(&accreditation.Conference{}).Where("id = ?", r.ConferenceID).
			Pluck("code", &code).Error; err != nil {
			return fmt.Errorf("visa letter conference: %w", err)
		}
		return s.auditLetter(ctx, tx, actor, &letter, code, "visa_letter_downloaded")
	})
	if err != nil {
		return nil, nil, wrap("visa letter", err)
	}
	letter.PDFSealed = nil
	return &letter, pdf, nil
}

// delegateForLetter loads a delegate and its request and asks the policy
// whether actor may do action to its letters.
func (s *Service) delegateForLetter(ctx context.Context, tx *gorm.DB, actor accord.Actor, delegateID string, action auth.Action) (*accreditation.Delegate, *accreditation.Request, error) {
	if uuid.Validate(delegateID) != nil {
		return nil, nil, accord.NotFound("delegate")
	}
	var d accreditation.Delegate
	if err := tx.WithContext(ctx).Take(&d, "id = ?", delegateID).Error; err != nil {
		if store.IsNotFound(err) {
			return nil, nil, accord.NotFound("delegate")
		}
		return nil, nil, fmt.Errorf("load delegate: %w", err)
	}
	var r accreditation.Request
	if err := tx.WithContext(ctx).Take(&r, "id = ?", d.AccreditationRequestID).Error; err != nil {
		return nil, nil, fmt.Errorf("load request: %w", err)
	}
	if err := s.authz.Check(ctx, actor, KindVisaLetter, action, &r); err != nil {
		if accord.KindOf(err) == accord.KindNotFound {
			return nil, nil, accord.NotFound("delegate")
		}
		return nil, nil, err
	}
	return &d, &r, nil
}

func (s *Service) auditLetter(ctx context.Context, tx *gorm.DB, actor accord.Actor, l *VisaLetter, conference, event string) error {
	return audit.Append(ctx, tx, &audit.Event{
		EntityType: letterEntity, EntityID: l.ID, Event: event,
		ActorID: actor.UserID, ActorRole: string(actor.Role), RequestID: actor.RequestID, OccurredAt: s.now(),
		Data: map[string]any{"delegate_id": l.DelegateID, "accreditation_request_id": l.AccreditationRequestID,
			"conference": conference, "locale": l.Locale, "format": FormatPDF},
	})
}

// letterFacts is what a letter says.
type letterFacts struct {
	locale       string
	delegate     *accreditation.Delegate
	request      *accreditation.Request
	conference   accreditation.Conference
	organization membership.Organization
	nationality  string // the country's name in the letter's language
	passport     string
	reference    string
	date         time.Time
}

func loadLetterFacts(ctx context.Context, tx *gorm.DB, d *accreditation.Delegate, r *accreditation.Request, locale string) (*letterFacts, error) {
	f := &letterFacts{locale: locale, delegate: d, request: r}
	db := tx.WithContext(ctx)
	if err := db.Take(&f.conference, "id = ?", r.ConferenceID).Error; err != nil {
		return nil, fmt.Errorf("visa letter conference: %w", err)
	}
	if err := db.Take(&f.organization, "id = ?", r.OrganizationID).Error; err != nil {
		return nil, fmt.Errorf("visa letter organisation: %w", err)
	}
	if d.Nationality != "" {
		var c country.Country
		err := db.Take(&c, "code = ?", d.Nationality).Error
		switch {
		case err == nil:
			f.nationality = c.Name(locale)
		case !store.IsNotFound(err):
			return nil, fmt.Errorf("visa letter nationality: %w", err)
		}
	}
	return f, nil
}

// wrap adds context to unexpected errors and lets domain errors through
// unchanged, so the HTTP layer still maps their kind.
func wrap(what string, err error) error {
	if err == nil || accord.KindOf(err) != accord.KindInternal {
		return err
	}
	return fmt.Errorf("%s: %w", what, err)
}
