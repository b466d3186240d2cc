package httpreply

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
)

// Private sends data that belongs to one reader — a badge, a letter, an
// applicant's file — as contentType: never cached, never sniffed into
// another type by the browser.
func Private(c echo.Context, contentType string, data []byte) error {
	h := c.Response().Header()
	h.Set(echo.HeaderXContentTypeOptions, "nosniff")
	h.Set(echo.HeaderCacheControl, "private, no-store")
	h.Set(echo.HeaderContentLength, strconv.Itoa(len(data)))
	return c.Blob(http.StatusOK, contentType, data)
}

// Attachment sends data as a file to save under filename, never shown
// inline: an uploaded document is its owner's file, not a page of this
// site.
func Attachment(c echo.Context, filename, contentType string, data []byte) error {
	c.Response().Header().Set(echo.HeaderContentDisposition, Disposition(filename))
	return Private(c, contentType, data)
}

// Disposition is the Content-Disposition of an attachment named filename.
// A name in plain ASCII is sent as it is; any other carries an ASCII
// stand-in for old clients and the exact name as RFC 5987's filename*,
// which every current browser prefers.
func Disposition(filename string) string {
	if filename == "" {
		return "attachment"
	}
	if plainASCII(filename) {
		return `attachment; filename="` + filename + `"`
	}
	return `attachment; filename="` + asciiStandIn(filename) + `"; filename*=UTF-8''` + percentEncode(filename)
}

// plainASCII is a name that a quoted-string holds without escapes.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b < 0x20 || b >= 0x7f || b == '"' || b == '\\' {
			return false
		}
	}
	return true
}

func asciiStandIn(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf && plainASCII(string(r)) {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// percentEncode writes s as RFC 5987's value-chars: attr-chars as they
// are, every other byte of the UTF-8 as %XX.
func percentEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isAttrChar(c) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

func isAttrChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$&+-.^_`|~", c) >= 0
}
