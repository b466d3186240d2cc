package i18n

import (
	"fmt"
	"sync"
)

var builtin = sync.OnceValues(Embedded)

// Builtin is the catalog built into the binary, read once, for the
// packages that write words outside a web page: export headers, PDF
// documents and notification messages. The embedded catalogs are part of
// the build and checked by its tests, so one that cannot be read is a
// broken build: Builtin panics rather than let every caller handle it.
func Builtin() *Catalog {
	c, err := builtin()
	if err != nil {
		panic(fmt.Sprintf("i18n: the embedded catalogs: %v", err))
	}
	return c
}
