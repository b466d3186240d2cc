package httpapi_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

func TestDecodeJSON(t *testing.T) {
	cases := []struct {
		name, contentType, body string
		kind                    accord.Kind
		field                   string // a field the error must name
	}{
		{"ok", "application/json", `{"email":"a@b.org","password":"x"}`, -1, ""},
		{"ok with charset", "application/json; charset=UTF-8", `{"email":"a@b.org"}`, -1, ""},
		{"ok with whitespace after", "application/json", "{\"email\":\"a\"}\n\t ", -1, ""},
		{"no content type", "", `{}`, accord.KindUnsupported, ""},
		{"form", "application/x-www-form-urlencoded", `email=a`, accord.KindUnsupported, ""},
		{"latin1", "application/json; charset=iso-8859-1", `{}`, accord.KindUnsupported, ""},
		{"empty", "application/json", ``, accord.KindBadRequest, ""},
		{"null", "application/json", `null`, accord.KindBadRequest, ""},
		{"array", "application/json", `[]`, accord.KindBadRequest, ""},
		{"string", "application/json", `"x"`, accord.KindBadRequest, ""},
		{"syntax", "application/json", `{"email":}`, accord.KindBadRequest, ""},
		{"truncated", "application/json", `{"email":"a`, accord.KindBadRequest, ""},
		{"unknown field", "application/json", `{"email":"a","is_admin":true}`, accord.KindBadRequest, "is_admin"},
		{"wrong type", "application/json", `{"email":42}`, accord.KindBadRequest, "email"},
		{"two values", "application/json", `{"email":"a"}{"email":"b"}`, accord.KindBadRequest, ""},
		{"trailing garbage", "application/json", `{"email":"a"} x`, accord.KindBadRequest, ""},
		{"invalid utf-8", "application/json", "{\"email\":\"\xff\xfe\"}", accord.KindBadRequest, ""},
		{"nul", "application/json", `{"email":"a\u0000b"}`, accord.KindBadRequest, ""},
		{"deep", "application/json", `{"email":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`, accord.KindBadRequest, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var req httpapi.LoginRequest
			err := httpapi.DecodeJSON(tc.contentType, strings.NewReader(tc.body), httpapi.MaxBodyBytes, &req)
			if tc.kind == -1 {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if err == nil || accord.KindOf(err) != tc.kind {
				t.Fatalf("error %v (kind %v), want kind %v", err, accord.KindOf(err), tc.kind)
			}
			if tc.field != "" {
				ae := err.(*accord.Error)
				if len(ae.Fields) == 0 || ae.Fields[0].Field != tc.field {
					t.Fatalf("error %v does not name %q", err, tc.field)
				}
			}
		})
	}
}

func TestDecodeJSONTooLarge(t *testing.T) {
	body := `{"email":"` + strings.Repeat("a", 100) + `"}`
	err := httpapi.DecodeJSON("application/json", strings.NewReader(body), 50, &httpapi.LoginRequest{})
	if accord.KindOf(err) != accord.KindTooLarge {
		t.Fatalf("error %v, want too large", err)
	}
}

// TestBodyErrorsOverHTTP checks the statuses the decoder's errors leave with.
func TestBodyErrorsOverHTTP(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		const path = "/api/v1/auth/register"
		e.do("POST", path, `{"email":`).problem(t, http.StatusBadRequest)
		unknown := e.do("POST", path, `{"email":"a@b.org","role":"admin"}`)
		if p := unknown.problem(t, http.StatusBadRequest); !hasField(p, "role") {
			t.Fatalf("unknown field not named: %s", unknown.body)
		}
		e.do("POST", path, `{"email":"a@b.org"}`, "Content-Type", "text/plain").problem(t, http.StatusUnsupportedMediaType)

		huge := bytes.Repeat([]byte("a"), 12<<20)
		e.do("POST", path, huge).problem(t, http.StatusRequestEntityTooLarge)
		// Without a Content-Length the limit is met while reading.
		chunked := io.MultiReader(strings.NewReader(`{"email":"`), bytes.NewReader(huge), strings.NewReader(`"}`))
		e.do("POST", path, chunked).problem(t, http.StatusRequestEntityTooLarge)
		if n := e.count("users", "1 = 1"); n != 0 {
			t.Fatalf("%d users created by bad bodies", n)
		}
	})
}

// FuzzDecodeJSON feeds arbitrary bodies and media types to the strict
// decoder: it must never panic, and every error must be one a client
// causes (400, 413 or 415), never an internal one.
func FuzzDecodeJSON(f *testing.F) {
	for _, seed := range []string{
		`{"email":"a@b.org","password":"correct horse battery","name":"Amina","locale":"ar"}`,
		`{"email":"a@b.org","password":"x"}`, ``, `null`, `[]`, `{}`, `{"email":1e400}`,
		`{"email":"\ud800"}`, "{\"name\":\"\xff\"}", `{"a":{"b":{"c":[1,2,3]}}}`, `{"email":"a"}{}`,
		`{"locale":null,"name":["x"]}`, strings.Repeat(`{"a":`, 100),
	} {
		f.Add([]byte(seed), "application/json")
	}
	f.Add([]byte(`{}`), "application/json; charset=latin1")
	f.Add([]byte(`{}`), "text/plain")
	f.Add([]byte(`{}`), ";;;=")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		for _, v := range []any{&httpapi.RegisterRequest{}, &httpapi.LoginRequest{}} {
			err := httpapi.DecodeJSON(contentType, bytes.NewReader(body), 4096, v)
			if err == nil {
				continue
			}
			switch accord.KindOf(err) {
			case accord.KindBadRequest, accord.KindTooLarge, accord.KindUnsupported:
			default:
				t.Fatalf("body %q, type %q: error %v of kind %v", body, contentType, err, accord.KindOf(err))
			}
		}
	})
}
