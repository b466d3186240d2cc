package i18n

import "github.com/accord-coalition/accord/web"

// Embedded loads the catalogs built into the binary (web/i18n).
func Embedded() (*Catalog, error) { return Load(web.I18n) }
