package membership

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/store"
)

// AddDocument attaches a file to an application of the actor's own
// organisation, while the application is a draft or awaits information.
// The type is decided by the content (PDF, PNG, JPEG or DOCX; anything
// else 415); more than MaxDocumentBytes is 413. The bytes, the row and an
// audit event commit together.
func (s *Service) AddDocument(ctx context.Context, actor accord.Actor, applicationID string, up Upload) (*Document, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	var doc *Document
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		a, err := s.visibleApplication(ctx, tx, actor, applicationID)
		if err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindApplication, ActionAttach, a); err != nil {
			return err
		}
		if doc, err = s.newDocument(actor, a, up); err != nil {
			return err
		}
		if err := checkEditable(a); err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&Document{}).Where("application_id = ?", a.ID).Count(&n).Error; err != nil {
			return fmt.Errorf("count documents: %w", err)
		}
		if n >= maxDocuments {
			return accord.Invalid("the application holds as many documents as it may",
				accord.Field("file", fmt.Sprintf("at most %d documents; remove one first", maxDocuments)))
		}
		if err := s.storage.Put(ctx, tx, doc.StorageKey, up.Data); err != nil {
			return err
		}
		if err := tx.Create(doc).Error; err != nil {
			return fmt.Errorf("insert document: %w", err)
		}
		return s.auditDocument(ctx, tx, actor, doc, "document_added")
	})
	if err != nil {
		return nil, wrap("add document", err)
	}
	s.log.InfoContext(ctx, "document added", "application_id", applicationID, "document_id", doc.ID,
		"kind", doc.Kind, "type", doc.ContentType, "size", doc.Size)
	return doc, nil
}

// newDocument checks an upload and describes it.
func (s *Service) newDocument(actor accord.Actor, a *Application, up Upload) (*Document, error) {
	kind := strings.ToLower(strings.TrimSpace(up.Kind))
	if !slices.Contains(DocumentKinds, kind) {
		return nil, accord.Invalid("the request has invalid fields",
			accord.Field("kind", "one of statutes, registration, report, financial, other"))
	}
	if len(up.Data) > MaxDocumentBytes {
		return nil, accord.Errorf(accord.KindTooLarge, "a document may be at most %d bytes (10 MB)", MaxDocumentBytes)
	}
	if len(up.Data) == 0 {
		return nil, accord.Invalid("the request has invalid fields", accord.Field("file", "the file is empty"))
	}
	contentType, ok := sniffDocument(up.Data)
	if !ok {
		return nil, accord.Errorf(accord.KindUnsupported, "documents must be PDF, PNG, JPEG or DOCX files; the content of this one is none of them")
	}
	sum := sha256.Sum256(up.Data)
	id := uuid.NewString()
	return &Document{
		ID: id, ApplicationID: a.ID, Kind: kind, Filename: safeFilename(up.Filename, contentType),
		ContentType: contentType, Size: int64(len(up.Data)), SHA256: hex.EncodeToString(sum[:]),
		StorageKey: "application-documents/" + id, UploadedBy: &actor.UserID, CreatedAt: s.now(),
	}, nil
}

// OpenDocument returns a document and its bytes to whoever may see the
// application.
func (s *Service) OpenDocument(ctx context.Context, actor accord.Actor, applicationID, documentID string) (*Document, []byte, error) {
	db, a, err := read(ctx, s, actor, applicationID, s.visibleApplication)
	if err != nil {
		return nil, nil, err
	}
	doc, err := loadDocument(ctx, db, a.ID, documentID)
	if err != nil {
		return nil, nil, err
	}
	data, err := s.storage.Get(ctx, db, doc.StorageKey)
	if err != nil {
		return nil, nil, wrap("open document", err)
	}
	return doc, data, nil
}

// RemoveDocument takes a document off an application while the applicant
// may still change what it sends.
func (s *Service) RemoveDocument(ctx context.Context, actor accord.Actor, applicationID, documentID string) error {
	if err := signedIn(actor); err != nil {
		return err
	}
	return wrap("remove document", s.db.Transaction(ctx, func(tx *gorm.DB) error {
		a, err := s.visibleApplication(ctx, tx, actor, applicationID)
		if err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindApplication, ActionAttach, a); err != nil {
			return err
		}
		doc, err := loadDocument(ctx, tx, a.ID, documentID)
		if err != nil {
			return err
		}
		if err := checkEditable(a); err != nil {
			return err
		}
		if err := tx.Delete(doc).Error; err != nil {
			return fmt.Errorf("delete document: %w", err)
		}
		if err := s.storage.Delete(ctx, tx, doc.StorageKey); err != nil {
			return err
		}
		return s.auditDocument(ctx, tx, actor, doc, "document_removed")
	}))
}

func loadDocument(ctx context.Context, db *gorm.DB, applicationID, id string) (*Document, error) {
	if !validID(id) {
		return nil, accord.NotFound("document")
	}
	var d Document
	err := db.WithContext(ctx).Where("id = ? AND application_id = ?", id, applicationID).Take(&d).Error
	if store.IsNotFound(err) {
		return nil, accord.NotFound("document")
	}
	if err != nil {
		return nil, fmt.Errorf("load document %s: %w", id, err)
	}
	return &d, nil
}

// auditDocument records an added or removed document on the application's
// timeline, for reviewers (it is not a transition, so the applicant's
// timeline leaves it out).
func (s *Service) auditDocument(ctx context.Context, tx *gorm.DB, actor accord.Actor, d *Document, event string) error {
	return audit.Append(ctx, tx, &audit.Event{
		EntityType: KindApplication, EntityID: d.ApplicationID, Event: event,
		ActorID: actor.UserID, ActorRole: string(actor.Role), RequestID: actor.RequestID,
		Data: map[string]any{
			"document_id": d.ID, "kind": d.Kind, "filename": d.Filename, "size": d.Size, "sha256": d.SHA256,
		},
		OccurredAt: s.now(),
	})
}
