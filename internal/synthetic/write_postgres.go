package synthetic

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/accord-coalition/accord/internal/store"
)

// writePostgres streams every batch into the tables with COPY, in one
// transaction on one connection of the pool.
func writePostgres(ctx context.Context, db *store.DB, g *generator, n int) error {
	conn, err := db.SQL().Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(driverConn any) error {
		c, ok := driverConn.(*stdlib.Conn)
		if !ok {
			return errors.New("the PostgreSQL driver is not pgx")
		}
		return pgx.BeginFunc(ctx, c.Conn(), func(tx pgx.Tx) error {
			for from := 0; from < n; from += batchSize {
				if err := copyBatch(ctx, tx, g.batch(from, min(from+batchSize, n))); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

func copyBatch(ctx context.Context, tx pgx.Tx, b batch) error {
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"organizations"},
		[]string{"id", "name", "name_en", "acronym", "country", "region", "city", "website", "email", "phone",
			"areas", "uncac_chapters", "ecosoc_status", "name_key", "name_en_key", "version", "created_at", "updated_at"},
		pgx.CopyFromSlice(len(b.orgs), func(i int) ([]any, error) {
			o := &b.orgs[i]
			return []any{o.ID, o.Name, o.NameEN, o.Acronym, o.Country, o.Region, o.City, o.Website, o.Email, o.Phone,
				`["anti-corruption"]`, `["II"]`, o.EcosocStatus, o.NameKey, o.NameENKey, o.Version, o.CreatedAt, o.UpdatedAt}, nil
		}))
	if err != nil {
		return fmt.Errorf("copy organisations: %w", err)
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"accreditation_requests"},
		[]string{"id", "conference_id", "organization_id", "state", "version", "motivation", "ecosoc_status",
			"submitted_at", "decided_at", "created_at", "updated_at"},
		pgx.CopyFromSlice(len(b.requests), func(i int) ([]any, error) {
			r := &b.requests[i]
			return []any{r.ID, r.ConferenceID, r.OrganizationID, r.State, r.Version, r.Motivation, r.EcosocStatus,
				r.SubmittedAt, r.DecidedAt, r.CreatedAt, r.UpdatedAt}, nil
		}))
	if err != nil {
		return fmt.Errorf("copy requests: %w", err)
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"delegates"},
		[]string{"id", "accreditation_request_id", "state", "version", "given_name", "family_name",
			"given_name_original", "family_name_original", "title", "organization_role", "gender", "nationality",
			"email", "needs_visa_letter", "created_at", "updated_at"},
		pgx.CopyFromSlice(len(b.delegates), func(i int) ([]any, error) {
			d := &b.delegates[i]
			return []any{d.ID, d.AccreditationRequestID, d.State, d.Version, d.GivenName, d.FamilyName,
				d.GivenNameOriginal, d.FamilyNameOriginal, d.Title, d.OrganizationRole, d.Gender, d.Nationality,
				d.Email, d.NeedsVisaLetter, d.CreatedAt, d.UpdatedAt}, nil
		}))
	if err != nil {
		return fmt.Errorf("copy delegates: %w", err)
	}
	return nil
}
