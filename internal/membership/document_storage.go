package membership

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// DocumentStorage keeps documents' bytes under opaque keys. The metadata
// row and the Put happen in one transaction: a storage that can take part
// in it (the database) commits the bytes with the row; one that cannot (an
// object store) ignores tx and should be written so that a rolled-back key
// is simply never read.
type DocumentStorage interface {
	Put(ctx context.Context, tx *gorm.DB, key string, data []byte) error
	// Get returns accord.NotFound for a key it does not hold.
	Get(ctx context.Context, db *gorm.DB, key string) ([]byte, error)
	Delete(ctx context.Context, tx *gorm.DB, key string) error
}

// DatabaseStorage keeps documents in the document_blobs table: one backup
// holds everything, and every server instance sees every file.
type DatabaseStorage struct{}

// documentBlob is a row of document_blobs.
type documentBlob struct {
	Key  string `gorm:"primaryKey"`
	Data []byte
}

func (documentBlob) TableName() string { return "document_blobs" }

// Put implements DocumentStorage.
func (DatabaseStorage) Put(ctx context.Context, tx *gorm.DB, key string, data []byte) error {
	if err := tx.WithContext(ctx).Create(&documentBlob{Key: key, Data: data}).Error; err != nil {
		return fmt.Errorf("store document %s: %w", key, err)
	}
	return nil
}

// Get implements DocumentStorage.
func (DatabaseStorage) Get(ctx context.Context, db *gorm.DB, key string) ([]byte, error) {
	var b documentBlob
	err := db.WithContext(ctx).Where(`"key" = ?`, key).Take(&b).Error
	if store.IsNotFound(err) {
		return nil, accord.NotFound("document")
	}
	if err != nil {
		return nil, fmt.Errorf("read document %s: %w", key, err)
	}
	return b.Data, nil
}

// Delete implements DocumentStorage.
func (DatabaseStorage) Delete(ctx context.Context, tx *gorm.DB, key string) error {
	if err := tx.WithContext(ctx).Where(`"key" = ?`, key).Delete(&documentBlob{}).Error; err != nil {
		return fmt.Errorf("delete document %s: %w", key, err)
	}
	return nil
}
