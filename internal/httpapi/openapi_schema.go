package httpapi

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
)

var (
	timeType          = reflect.TypeFor[time.Time]()
	dateType          = reflect.TypeFor[accord.Date]()
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// jsonSchemaOf derives a JSON Schema (the 2020-12 dialect OpenAPI 3.1 uses)
// from a Go type's json tags, so that the document describes exactly what
// encoding/json reads and writes.
func jsonSchemaOf(t reflect.Type) map[string]any {
	return schemaOf(t, map[reflect.Type]bool{})
}

func schemaOf(t reflect.Type, visiting map[reflect.Type]bool) map[string]any {
	nullable := false
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
		nullable = true
	}
	s := baseSchema(t, visiting)
	if typ, ok := s["type"].(string); ok && nullable {
		s["type"] = []string{typ, "null"}
	}
	return s
}

func baseSchema(t reflect.Type, visiting map[reflect.Type]bool) map[string]any {
	switch t {
	case timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case dateType:
		return map[string]any{"type": "string", "format": "date"}
	}
	ptr := reflect.PointerTo(t)
	if t.Implements(jsonMarshalerType) || ptr.Implements(jsonMarshalerType) {
		return map[string]any{} // its own encoding: any JSON value
	}
	if t.Implements(textMarshalerType) || ptr.Implements(textMarshalerType) {
		return map[string]any{"type": "string"}
	}
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return map[string]any{"type": "string", "contentEncoding": "base64"}
		}
		return map[string]any{"type": "array", "items": schemaOf(t.Elem(), visiting)}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaOf(t.Elem(), visiting)}
	case reflect.Struct:
		if visiting[t] {
			return map[string]any{"type": "object"} // a recursive type
		}
		visiting[t] = true
		defer delete(visiting, t)
		props := map[string]any{}
		addProperties(t, props, visiting)
		return map[string]any{"type": "object", "properties": props}
	}
	return map[string]any{}
}

// addProperties adds t's fields as encoding/json names them, flattening
// embedded structs the way it does.
func addProperties(t reflect.Type, props map[string]any, visiting map[reflect.Type]bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				addProperties(ft, props, visiting)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = schemaOf(f.Type, visiting)
	}
}
