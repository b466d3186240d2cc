// Package memberimport brings a coalition's existing member list into
// Accord (docs/domain.md, Importing an existing member list; docs/api.md,
// Importing members). The secretariat uploads a spreadsheet — CSV in any
// encoding a spreadsheet writes, or XLSX — with headers in Arabic, English,
// French or Spanish; the package reads it, checks every row, finds the rows
// that look like organisations already in Accord or repeated in the file,
// and keeps the preview with the file. Applying the preview, a transition
// of the import's small machine (previewed → applied, or discarded),
// creates the organisations and their active memberships in one
// transaction, or nothing.
package memberimport
