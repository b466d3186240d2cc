// Package store opens Accord's database — PostgreSQL when a URL is given,
// else an embedded SQLite file — applies the embedded migrations, and
// translates the engines' errors into the project's error kinds.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialect names the engine behind a DB.
type Dialect string

const (
	Postgres Dialect = "postgres"
	SQLite   Dialect = "sqlite"
)

// DB is an open database and the engine it runs on.
type DB struct {
	Gorm    *gorm.DB
	Dialect Dialect
}

// PostgresPoolSize is how many connections one server holds to
// PostgreSQL at most; two servers on one database hold twice as many,
// well within PostgreSQL's default max_connections of 100.
const PostgresPoolSize = 20

// Options says which database to open.
type Options struct {
	// URL is a postgres:// URL; empty opens the SQLite file at SQLitePath.
	URL        string
	SQLitePath string
	Logger     *slog.Logger
}

// Open connects to the database but does not migrate it.
func Open(ctx context.Context, opts Options) (*DB, error) {
	cfg := &gorm.Config{
		TranslateError: true,
		Logger:         logger.Discard,
		NowFunc:        func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
	}
	var (
		g   *gorm.DB
		err error
		d   Dialect
	)
	if opts.URL != "" {
		d = Postgres
		g, err = gorm.Open(postgres.New(postgres.Config{DSN: opts.URL, OptionOpenDB: postgresConnOptions()}), cfg)
		if err != nil {
			return nil, fmt.Errorf("open postgres: %w", err)
		}
		sqlDB, _ := g.DB()
		// The pool keeps what it opens: a backend costs PostgreSQL little
		// while idle, but opening twenty at once when a rush begins took
		// up to a second on a busy 2-CPU host, and the first request of
		// each person in the rush waited for it (bench/README.md "The
		// rush"). Dead connections are still found by the ping at
		// checkout (store_conn.go).
		sqlDB.SetMaxOpenConns(PostgresPoolSize)
		sqlDB.SetMaxIdleConns(PostgresPoolSize)
		sqlDB.SetConnMaxIdleTime(0)
	} else {
		d = SQLite
		if err := prepareSQLiteFiles(opts.SQLitePath); err != nil {
			return nil, err
		}
		g, err = gorm.Open(sqlite.Open(sqliteDSN(opts.SQLitePath)), cfg)
		if err != nil {
			return nil, fmt.Errorf("open sqlite %s: %w", opts.SQLitePath, err)
		}
		sqlDB, _ := g.DB()
		// SQLite has one writer at a time. Every transaction begins
		// IMMEDIATE (it takes the write lock at BEGIN, so two transactions
		// never deadlock upgrading read locks), waits up to the busy timeout
		// for it, and WAL lets readers go on meanwhile.
		sqlDB.SetMaxOpenConns(8)
		sqlDB.SetMaxIdleConns(8)
		sqlDB.SetConnMaxLifetime(0)
	}
	db := &DB{Gorm: g, Dialect: d}
	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func sqliteDSN(path string) string {
	return "file:" + path +
		"?_pragma=busy_timeout(10000)" +
		"&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(NORMAL)" +
		"&_pragma=foreign_keys(1)" +
		"&_txlock=immediate"
}

// Warm opens the pool's connections before the first request needs them,
// all at once, and keeps them: a server warmed at start meets a rush of
// people with its connections ready. SQLite's are opened with its file.
func (db *DB) Warm(ctx context.Context) error {
	if !db.IsPostgres() {
		return nil
	}
	conns := make([]*sql.Conn, 0, PostgresPoolSize)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	var tables []string
	err := db.WithContext(ctx).Raw("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename").
		Scan(&tables).Error
	if err != nil {
		return fmt.Errorf("warm the connection pool: list tables: %w", err)
	}
	for range PostgresPoolSize {
		c, err := db.SQL().Conn(ctx)
		if err != nil {
			return fmt.Errorf("warm the connection pool: %w", err)
		}
		conns = append(conns, c)
		// A new backend reads a table's and its indexes' catalog entries
		// the first time a query plans over them; planning an empty read
		// of every table does that now rather than in the first requests.
		for _, t := range tables {
			if _, err := c.ExecContext(ctx, "SELECT * FROM "+t+" LIMIT 0"); err != nil {
				return fmt.Errorf("warm the connection pool: %s: %w", t, err)
			}
		}
	}
	return nil
}

// SQL returns the underlying connection pool.
func (db *DB) SQL() *sql.DB {
	s, _ := db.Gorm.DB()
	return s
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.SQL().PingContext(ctx); err != nil {
		return fmt.Errorf("ping %s: %w", db.Dialect, err)
	}
	return nil
}

// Close closes the pool.
func (db *DB) Close() error { return db.SQL().Close() }

// WithContext is the GORM handle for one call.
func (db *DB) WithContext(ctx context.Context) *gorm.DB { return db.Gorm.WithContext(ctx) }

// Transaction runs fn in one transaction: committed if fn returns nil,
// rolled back otherwise.
func (db *DB) Transaction(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return db.Gorm.WithContext(ctx).Transaction(fn)
}

// IsPostgres reports whether the engine is PostgreSQL, which offers row
// locks (FOR UPDATE SKIP LOCKED) that SQLite lacks.
func (db *DB) IsPostgres() bool { return db.Dialect == Postgres }

// IsNotFound reports whether err is GORM's record-not-found.
func IsNotFound(err error) bool { return errors.Is(err, gorm.ErrRecordNotFound) }

// IsDuplicate reports whether err is a unique-constraint violation.
func IsDuplicate(err error) bool { return errors.Is(err, gorm.ErrDuplicatedKey) }
