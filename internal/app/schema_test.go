package app

import (
	"context"
	"database/sql"
	"reflect"
	"sort"
	"sync"
	"testing"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"

	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestModelsMatchMigratedSchema proves that every GORM model and the table
// the migrations create agree on both engines: the same columns, and no
// nullable column read into a field that cannot hold NULL.
func TestModelsMatchMigratedSchema(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		g := db.WithContext(context.Background())
		seen := map[string]bool{}
		for _, model := range Models() {
			s, err := schema.Parse(model, &sync.Map{}, g.NamingStrategy)
			if err != nil {
				t.Fatalf("parse %T: %v", model, err)
			}
			seen[s.Table] = true
			cols, err := g.Migrator().ColumnTypes(s.Table)
			if err != nil || len(cols) == 0 {
				t.Errorf("%T: table %q missing after migration (%v)", model, s.Table, err)
				continue
			}
			inTable := map[string]bool{}
			for _, c := range cols {
				inTable[c.Name()] = true
			}
			nullable := nullableColumns(t, db, s.Table, cols)
			inModel := map[string]*schema.Field{}
			for _, f := range s.Fields {
				if f.DBName != "" {
					inModel[f.DBName] = f
				}
			}
			for name, f := range inModel {
				if !inTable[name] {
					t.Errorf("%s.%s: field %s has no column", s.Table, name, f.Name)
				}
			}
			for _, c := range cols {
				f, ok := inModel[c.Name()]
				if !ok {
					t.Errorf("%s.%s: column has no field in %T", s.Table, c.Name(), model)
					continue
				}
				if nullable[c.Name()] && !f.PrimaryKey && !canHoldNull(f.FieldType) {
					t.Errorf("%s.%s: column is nullable but field %s (%s) cannot hold NULL", s.Table, c.Name(), f.Name, f.FieldType)
				}
			}
		}
		if len(seen) == 0 {
			t.Fatal("no models registered")
		}
	})
}

// nullableColumns reports which columns accept NULL. On SQLite it asks
// PRAGMA table_info: GORM's reading of the CREATE TABLE text misses NOT NULL
// on columns whose definition goes on with a CHECK.
func nullableColumns(t *testing.T, db *store.DB, table string, cols []gorm.ColumnType) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	if db.IsPostgres() {
		for _, c := range cols {
			n, _ := c.Nullable()
			out[c.Name()] = n
		}
		return out
	}
	var info []struct {
		Name    string
		NotNull int `gorm:"column:notnull"`
	}
	if err := db.WithContext(context.Background()).Raw("SELECT name, \"notnull\" FROM pragma_table_info(?)", table).Scan(&info).Error; err != nil {
		t.Fatalf("table_info %s: %v", table, err)
	}
	for _, c := range info {
		out[c.Name] = c.NotNull == 0
	}
	return out
}

func canHoldNull(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return true
	}
	scanner := reflect.TypeOf((*sql.Scanner)(nil)).Elem()
	return reflect.PointerTo(t).Implements(scanner)
}

// TestEveryTableHasAModel catches a migrated table that no code reads: a
// sign of a model forgotten in Models.
func TestEveryTableHasAModel(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		g := db.WithContext(context.Background())
		tables, err := g.Migrator().GetTables()
		if err != nil {
			t.Fatal(err)
		}
		modelled := map[string]bool{}
		for _, model := range Models() {
			s, err := schema.Parse(model, &sync.Map{}, g.NamingStrategy)
			if err != nil {
				t.Fatal(err)
			}
			modelled[s.Table] = true
		}
		// Tables kept by infrastructure rather than a model.
		for _, infra := range []string{"goose_db_version", "audit_head", "idempotency_keys", "login_failures", "sqlite_sequence", "write_probe"} {
			modelled[infra] = true
		}
		var missing []string
		for _, tbl := range tables {
			if !modelled[tbl] {
				missing = append(missing, tbl)
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("tables without a model in app.Models: %v", missing)
		}
	})
}
