package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
)

// MaxBodyBytes caps a JSON request body (1 MiB). Routes that take uploads
// set Operation.BodyLimit instead.
const MaxBodyBytes = 1 << 20

// bindJSON decodes the request's JSON body into v, strictly: see decodeJSON.
func bindJSON(c echo.Context, v any) error {
	r := c.Request()
	return decodeJSON(r.Header.Get(echo.HeaderContentType), r.Body, MaxBodyBytes, v)
}

// decodeJSON reads exactly one JSON object of at most limit bytes into v.
// It never fails with anything but a client error — KindUnsupported for a
// media type other than JSON, KindTooLarge, or KindBadRequest naming what
// is wrong — so nothing a client sends can cause a 500.
func decodeJSON(contentType string, body io.Reader, limit int64, v any) error {
	if err := checkJSONType(contentType); err != nil {
		return err
	}
	if body == nil {
		body = http.NoBody
	}
	data, err := io.ReadAll(io.LimitReader(body, limit+1))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return tooLarge(mbe.Limit)
		}
		return &accord.Error{Kind: accord.KindBadRequest, Message: "The request body could not be read.", Err: err}
	}
	if int64(len(data)) > limit {
		return tooLarge(limit)
	}
	start := bytes.TrimLeft(data, " \t\r\n")
	switch {
	case len(start) == 0:
		return badRequest("The request body is empty; send a JSON object.")
	case start[0] != '{':
		return badRequest("The request body must be a JSON object.")
	case !utf8.Valid(data):
		// encoding/json would silently replace invalid bytes with U+FFFD
		// and store a name nobody typed.
		return badRequest("The request body is not valid UTF-8.")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return badRequest("The request body holds more than one JSON value.")
	}
	if hasNUL(reflect.ValueOf(v)) {
		// PostgreSQL text cannot hold U+0000, and no field needs it.
		return badRequest("The request body holds a NUL character (\\u0000), which no field accepts.")
	}
	return nil
}

// hasNUL reports whether any string reachable from v contains U+0000.
func hasNUL(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return strings.IndexByte(v.String(), 0) >= 0
	case reflect.Pointer, reflect.Interface:
		return !v.IsNil() && hasNUL(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && hasNUL(v.Field(i)) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if hasNUL(v.Index(i)) {
				return true
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if hasNUL(it.Key()) || hasNUL(it.Value()) {
				return true
			}
		}
	}
	return false
}

// checkJSONType accepts application/json, in UTF-8 if a charset is named.
func checkJSONType(contentType string) error {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != echo.MIMEApplicationJSON {
		return accord.Errorf(accord.KindUnsupported, "Send the request body as %s.", echo.MIMEApplicationJSON)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return accord.Errorf(accord.KindUnsupported, "Send the request body in UTF-8.")
	}
	return nil
}

// decodeError words encoding/json's errors for a client, naming the field
// where it can.
func decodeError(err error) error {
	var (
		syntax *json.SyntaxError
		typ    *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &syntax):
		return badRequest(fmt.Sprintf("The request body is not valid JSON (at byte %d): %s.", syntax.Offset, strings.TrimPrefix(syntax.Error(), "json: ")))
	case errors.As(err, &typ):
		if typ.Field == "" {
			return badRequest("The request body must be a JSON object.")
		}
		msg := "must be " + jsonTypeName(typ.Type)
		return &accord.Error{Kind: accord.KindBadRequest, Message: fmt.Sprintf("Field %q %s.", typ.Field, msg),
			Fields: []accord.FieldError{accord.Field(typ.Field, msg)}}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return &accord.Error{Kind: accord.KindBadRequest, Message: fmt.Sprintf("Unknown field %q.", field),
			Fields: []accord.FieldError{accord.Field(field, "unknown field")}}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("The request body ends before its JSON value does.")
	default:
		// A field's own decoder refused the value, such as a malformed date.
		return &accord.Error{Kind: accord.KindBadRequest, Message: "The request body has an invalid value: " + strings.TrimPrefix(err.Error(), "json: ") + ".", Err: err}
	}
}

func jsonTypeName(t reflect.Type) string {
	if t == nil {
		return "of another type"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer in range"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return "of another type"
}

func badRequest(msg string) error { return &accord.Error{Kind: accord.KindBadRequest, Message: msg} }

func tooLarge(limit int64) error {
	return accord.Errorf(accord.KindTooLarge, "The request body is larger than the %d bytes this address accepts.", limit)
}

// limitBody refuses bodies over limit bytes: at once when Content-Length
// says so, else when reading passes the limit.
func limitBody(limit int64) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			r := c.Request()
			if r.ContentLength > limit {
				return tooLarge(limit)
			}
			r.Body = http.MaxBytesReader(c.Response(), r.Body, limit)
			return next(c)
		}
	}
}
