package export

import (
	"context"
	"database/sql"
	"fmt"
	"io"
)

// SQLRows reads a database cursor as Rows, every column as text and NULL as
// "". Queries format dates and numbers themselves, in SQL, so that both
// engines give the same text. The cursor is closed after the last row or on
// the first error; closing it again is harmless.
func SQLRows(rows *sql.Rows) (Rows, error) {
	cols, err := rows.Columns()
	if err != nil {
		_ = rows.Close()
		return nil, fmt.Errorf("export rows: %w", err)
	}
	vals := make([]sql.NullString, len(cols))
	dest := make([]any, len(cols))
	for i := range vals {
		dest[i] = &vals[i]
	}
	out := make([]string, len(cols))
	return RowsFunc(func(context.Context) ([]string, error) {
		if !rows.Next() {
			err := rows.Err()
			_ = rows.Close()
			if err != nil {
				return nil, fmt.Errorf("export rows: %w", err)
			}
			return nil, io.EOF
		}
		if err := rows.Scan(dest...); err != nil {
			_ = rows.Close()
			return nil, fmt.Errorf("export rows scan: %w", err)
		}
		for i, v := range vals {
			out[i] = v.String
		}
		return out, nil
	}), nil
}
