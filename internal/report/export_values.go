package report

import (
	"context"
	"fmt"

	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/export"
	"github.com/accord-coalition/accord/internal/i18n"
)

// codeKeys name, per column holding a code, the catalog entry that says it
// in words: the page's own names for ECOSOC statuses and states, so that an
// export in Arabic or French reads as its pages do rather than showing
// "special" or "checked_in". Regions are named from the regions table.
// The state column's key depends on the list, since a request's states and
// a delegate's or a membership's are named apart.
var codeKeys = map[string]map[string]string{
	ListAccredited:   {"ecosoc": "accreditation.ecosoc_"},
	ListParticipants: {"state": "delegates.state_"},
	ListCirculation:  {"ecosoc": "accreditation.ecosoc_", "state": "accreditation.state_"},
	ListMembers:      {"state": "state."},
}

// codeNames are the names of the codes in the export's columns, by column
// index. Code columns (country_code, nationality_code) stay codes on
// purpose: they are there to be matched by programs. Read before the
// export's snapshot is taken: the regions never change while it runs, and
// SQLite's one connection is the snapshot's.
type codeNames map[int]func(string) string

func (e *Export) codeNames(ctx context.Context) (codeNames, error) {
	names := codeNames{}
	for k, prefix := range codeKeys[e.list.name] {
		for i, key := range e.list.keys {
			if key == k {
				names[i] = func(code string) string { return codeName(e.locale, prefix, code) }
			}
		}
	}
	for i, key := range e.list.keys {
		if key != "region" {
			continue
		}
		regions, err := country.Regions(ctx, e.s.db)
		if err != nil {
			return nil, fmt.Errorf("export %s: %w", e.list.name, err)
		}
		byCode := make(map[string]string, len(regions))
		for _, r := range regions {
			byCode[r.Code] = r.Name(e.locale)
		}
		names[i] = func(code string) string {
			if name, ok := byCode[code]; ok && name != "" {
				return name
			}
			return code
		}
	}
	return names, nil
}

// apply replaces each code of rows by its name in the export's language,
// in every format.
func (names codeNames) apply(rows export.Rows) export.Rows {
	if len(names) == 0 {
		return rows
	}
	return export.RowsFunc(func(ctx context.Context) ([]string, error) {
		row, err := rows.Next(ctx)
		if err != nil {
			return nil, err
		}
		for i, name := range names {
			if i < len(row) && row[i] != "" {
				row[i] = name(row[i])
			}
		}
		return row, nil
	})
}

// codeName is the catalog's name for code under prefix, or code itself
// when the catalog has none (a value added after the catalogs were).
func codeName(locale, prefix, code string) string {
	key := prefix + code
	if !i18n.Builtin().Has(key) {
		return code
	}
	return i18n.Builtin().T(locale, key, nil)
}
