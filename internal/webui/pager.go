package webui

import (
	"net/url"

	"github.com/labstack/echo/v4"
)

// Pager is the part of a list page's data the "pager" template draws:
// links to the next page of a keyset-paged list and back to the first.
type Pager struct {
	Next     string // the cursor of the next page; "" on the last page
	Paged    bool   // this is not the first page
	FirstURL string
	NextURL  string
}

// newPager builds the links from the current address, keeping its
// filters and dropping what belongs to this one view (cursor, notice,
// lang: the language is remembered by its cookie).
func newPager(c echo.Context, next string) Pager {
	q := c.Request().URL.Query()
	paged := q.Get("cursor") != ""
	for _, k := range []string{"cursor", "notice", "lang"} {
		q.Del(k)
	}
	path := c.Request().URL.Path
	first := url.URL{Path: path, RawQuery: q.Encode()}
	p := Pager{Next: next, Paged: paged, FirstURL: first.String()}
	if next != "" {
		q.Set("cursor", next)
		p.NextURL = (&url.URL{Path: path, RawQuery: q.Encode()}).String()
	}
	return p
}
