// Package synthetic fills a database with made-up organisations, each
// accredited to one conference with three confirmed delegates, for
// benchmarks and drills (`accord seed --synthetic N --conference CODE`).
//
// The rows are written directly, in large transactions — PostgreSQL's
// COPY through pgx, batched multi-row INSERTs on SQLite — rather than
// through the workflow engine: no audit events and no messages are
// written for them, since nobody did anything. They are test data, and
// must never be loaded into a production database.
package synthetic

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/store"
)

// DelegatesPerOrganization is how many confirmed delegates each
// synthetic organisation sends.
const DelegatesPerOrganization = 3

// batchSize is how many organisations are generated and written at a
// time: large enough that round trips do not count, small enough that the
// rows of one batch are a few megabytes.
const batchSize = 2000

// Options say what to create.
type Options struct {
	// Organizations is how many organisations to create.
	Organizations int
	// Conference is the code of the conference their requests are for;
	// it is created if missing.
	Conference string
	// Now stamps the rows; zero means the current time.
	Now time.Time
}

// Result says what was created and how long it took.
type Result struct {
	ConferenceID      string
	ConferenceCreated bool
	Organizations     int
	Requests          int
	Delegates         int
	Elapsed           time.Duration
}

// Seed creates the organisations with their accredited requests and
// delegates. The countries must be loaded (`accord seed`); organisations
// are spread over all of them.
func Seed(ctx context.Context, db *store.DB, opts Options) (Result, error) {
	start := time.Now()
	if opts.Organizations <= 0 {
		return Result{}, errors.New("synthetic: the number of organisations must be positive")
	}
	if opts.Conference == "" {
		return Result{}, errors.New("synthetic: a conference code is required")
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	now := opts.Now.UTC().Truncate(time.Microsecond)
	countries, err := country.List(ctx, db)
	if err != nil {
		return Result{}, err
	}
	if len(countries) == 0 {
		return Result{}, errors.New("synthetic: no countries loaded; run `accord seed` first")
	}
	conf, created, err := ensureConference(ctx, db, opts.Conference, now)
	if err != nil {
		return Result{}, err
	}
	g := &generator{conferenceID: conf.ID, countries: countries, now: now, run: uuid.NewString()[:8]}
	write := writeSQLite
	if db.IsPostgres() {
		write = writePostgres
	}
	if err := write(ctx, db, g, opts.Organizations); err != nil {
		return Result{}, fmt.Errorf("synthetic rows: %w", err)
	}
	return Result{
		ConferenceID: conf.ID, ConferenceCreated: created,
		Organizations: opts.Organizations, Requests: opts.Organizations,
		Delegates: opts.Organizations * DelegatesPerOrganization, Elapsed: time.Since(start),
	}, nil
}

// ensureConference finds the conference by code or creates it, its
// accreditation window open and its nominations not yet closed.
func ensureConference(ctx context.Context, db *store.DB, code string, now time.Time) (*accreditation.Conference, bool, error) {
	// Like every row here, the conference is read and written directly:
	// nobody acts, so there is no actor to authorise.
	var found accreditation.Conference
	err := db.WithContext(ctx).Where("code = ?", code).Take(&found).Error
	if err == nil {
		return &found, false, nil
	}
	if !store.IsNotFound(err) {
		return nil, false, fmt.Errorf("find conference %s: %w", code, err)
	}
	day := func(d int) time.Time { return now.Truncate(24*time.Hour).AddDate(0, 0, d) }
	c := &accreditation.Conference{
		ID: uuid.NewString(), Code: code,
		Title:    "Synthetic conference " + code,
		TitleAR:  "مؤتمر تجريبي " + code,
		TitleFR:  "Conférence de test " + code,
		TitleES:  "Conferencia de prueba " + code,
		Venue:    "Vienna International Centre, Vienna",
		StartsOn: accord.Date{Time: day(120)}, EndsOn: accord.Date{Time: day(124)},
		AccreditationOpensAt: day(-30), AccreditationClosesAt: day(60), NominationCutoffAt: day(90),
		MaxDelegates: DelegatesPerOrganization, ObjectionPeriodDays: 30, Version: 1, CreatedAt: now, UpdatedAt: now,
	}
	if err := db.WithContext(ctx).Create(c).Error; err != nil {
		return nil, false, fmt.Errorf("create conference %s: %w", code, err)
	}
	return c, true, nil
}
