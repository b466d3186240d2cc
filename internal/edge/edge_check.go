package edge

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
)

// Bounds on what a request may carry outside its body. A search is bounded
// more tightly by the services that run it.
const (
	MaxQueryBytes = 8 << 10 // the whole raw query string
	MaxValueBytes = 2 << 10 // one query value (a cursor is well under)
	MaxParamBytes = 512     // one path parameter that is not an id
	MaxFieldBytes = 1 << 20 // one form field (a long motivation is far less)
)

// idParams are the path parameters that name a row: always a UUID, so
// anything else is a 404 before any query runs.
var idParams = map[string]bool{"id": true, "doc": true, "doc_id": true}

// Text reports whether s is text a database column can hold: valid UTF-8
// without NUL (PostgreSQL refuses both; SQLite would store them raw).
func Text(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}

// Check validates the path parameters and the query string of c's
// request. An id that is not a UUID, or a parameter that is not text, is
// a 404: nothing can live at such an address. A query that is not text,
// too long or not decodable is a 400.
func Check(c echo.Context) error {
	names, values := c.ParamNames(), c.ParamValues()
	for i, name := range names {
		if i >= len(values) {
			break
		}
		if !Param(c.Path(), name, values[i]) {
			return &accord.Error{Kind: accord.KindNotFound, Message: "There is nothing at this address."}
		}
	}
	return Query(c.Request().URL.RawQuery)
}

// conferenceCode is the shape of a conference's code, which stands for
// its id in the conference's addresses (docs/api.md, Conferences).
var conferenceCode = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$`)

// Param reports whether value may be path parameter name of the route
// pattern route: a UUID for an id (or a code, for a conference), short
// text otherwise. A value Echo left escaped is checked decoded.
func Param(route, name, value string) bool {
	if strings.Contains(value, "%") {
		if v, err := url.PathUnescape(value); err == nil {
			value = v
		}
	}
	if idParams[name] {
		if len(value) == 36 && uuid.Validate(value) == nil {
			return true
		}
		return name == "id" && strings.Contains(route, "/conferences/:id") && conferenceCode.MatchString(value)
	}
	return len(value) <= MaxParamBytes && Text(value)
}

// Query validates a raw query string.
func Query(raw string) error {
	if raw == "" {
		return nil
	}
	if len(raw) > MaxQueryBytes {
		return queryValues.bad("", "the query string is too long")
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return queryValues.bad("", "the query string cannot be decoded")
	}
	return queryValues.check(q)
}

// Form validates decoded form fields, as the JSON decoder validates a
// JSON body's strings.
func Form(values url.Values) error { return formValues.check(values) }

// valueRules is how one kind of decoded names and values is checked:
// every name and value text, names and values within their limits.
type valueRules struct {
	what     string // what is refused: "the query string", "the form"
	badName  string // the message for a name that is not text
	maxName  int    // the longest name in bytes; 0 for no limit
	maxValue int    // the longest value in bytes
}

var (
	queryValues = valueRules{what: "the query string", badName: "a query parameter's name is not text", maxName: 64, maxValue: MaxValueBytes}
	formValues  = valueRules{what: "the form", badName: "a field's name is not text", maxValue: MaxFieldBytes}
)

func (r valueRules) check(values url.Values) error {
	for key, vals := range values {
		if !Text(key) || (r.maxName > 0 && len(key) > r.maxName) {
			return r.bad("", r.badName)
		}
		for _, v := range vals {
			if len(v) > r.maxValue {
				return r.bad(key, "too long")
			}
			if !Text(v) {
				return r.bad(key, "not valid text: UTF-8 without NUL characters")
			}
		}
	}
	return nil
}

// bad is the 400 for what is refused, naming the field when there is one.
func (r valueRules) bad(key, msg string) error {
	e := &accord.Error{Kind: accord.KindBadRequest, Message: r.what + " is not acceptable"}
	if key != "" && Text(key) {
		e.Fields = []accord.FieldError{{Field: key, Message: msg}}
	} else {
		e.Message = msg
	}
	return e
}

// Middleware runs Check before the handler.
func Middleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if err := Check(c); err != nil {
			return err
		}
		return next(c)
	}
}
