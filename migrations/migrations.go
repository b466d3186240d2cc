// Package migrations embeds the versioned SQL migrations, one folder per
// database engine. Both folders hold the same versions with the same
// meaning; internal/store applies the folder that matches the engine.
package migrations

import "embed"

// FS holds postgres/*.sql and sqlite/*.sql.
//
//go:embed postgres/*.sql sqlite/*.sql
var FS embed.FS
