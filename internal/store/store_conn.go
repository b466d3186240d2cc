package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// connectTimeout bounds a new PostgreSQL connection, so that a request
// meets an unreachable database as a prompt 503 rather than a hang.
const connectTimeout = 5 * time.Second

// postgresConnOptions make the pool check a connection each time it hands
// one out. A backend PostgreSQL has dropped (a restart, a failover,
// pg_terminate_backend) is then found before a request's first statement
// is sent on it, and database/sql takes another connection or opens a new
// one: the statement is retried without having run. The check is one
// round trip per checkout, cheap beside a request's own work.
func postgresConnOptions() []stdlib.OptionOpenDB {
	return []stdlib.OptionOpenDB{
		stdlib.OptionShouldPing(func(context.Context, stdlib.ShouldPingParams) bool { return true }),
		stdlib.OptionBeforeConnect(func(_ context.Context, cc *pgx.ConnConfig) error {
			if cc.ConnectTimeout == 0 || cc.ConnectTimeout > connectTimeout {
				cc.ConnectTimeout = connectTimeout
			}
			return nil
		}),
	}
}
