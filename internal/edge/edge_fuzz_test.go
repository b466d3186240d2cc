package edge_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/edge"
)

// FuzzQueryAndPath sends arbitrary path segments and query strings through
// Echo's router and the edge check: whatever is sent, nothing panics, and
// what reaches a handler is an id that is a UUID (or a conference code)
// and query values that are text within the bounds.
func FuzzQueryAndPath(f *testing.F) {
	for _, seed := range [][2]string{
		{"0d7c2a8e-0000-4000-8000-000000000001", "cursor=eyJrIjoieCIsImkiOiJ4In0&limit=5"},
		{"%ff", "region=a%00b"}, {"%00", "state=%ff"}, {"CoSP11", "q=" + strings.Repeat("a", 3000)},
		{"..%2f..", "%zz=1"}, {"%c3%28", "a=%c3%28&a=b"}, {"", ""}, {"a%2Fb", "q=%25_%5C"},
	} {
		f.Add(seed[0], seed[1])
	}
	e := echo.New()
	// The edge's refusals are 404 and 400; anything else would be a 500.
	e.HTTPErrorHandler = func(err error, c echo.Context) {
		var he *echo.HTTPError
		switch {
		case accord.KindOf(err) == accord.KindNotFound:
			_ = c.NoContent(http.StatusNotFound)
		case accord.KindOf(err) == accord.KindBadRequest:
			_ = c.NoContent(http.StatusBadRequest)
		case errors.As(err, &he):
			_ = c.String(he.Code, fmt.Sprint(he.Message))
		default:
			_ = c.String(http.StatusInternalServerError, err.Error())
		}
	}
	reached := func(c echo.Context) error {
		for _, name := range c.ParamNames() {
			v, err := url.PathUnescape(c.Param(name))
			if err != nil {
				v = c.Param(name)
			}
			if strings.HasSuffix(c.Path(), "/delegates/:id") && uuid.Validate(v) != nil {
				return echo.NewHTTPError(http.StatusTeapot, "id not a uuid: "+v)
			}
			if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
				return echo.NewHTTPError(http.StatusTeapot, "param not text")
			}
		}
		for k, vs := range c.QueryParams() {
			for _, v := range append(vs, k) {
				if !edge.Text(v) || len(v) > edge.MaxValueBytes {
					return echo.NewHTTPError(http.StatusTeapot, "query not text")
				}
			}
		}
		return c.NoContent(http.StatusOK)
	}
	e.GET("/delegates/:id", reached, edge.Middleware)
	e.GET("/conferences/:id/transparency", reached, edge.Middleware)
	e.GET("/verify/:token", reached, edge.Middleware)
	f.Fuzz(func(t *testing.T, segment, query string) {
		for _, prefix := range []string{"/delegates/", "/conferences/", "/verify/"} {
			path := prefix + segment
			if prefix == "/conferences/" {
				path += "/transparency"
			}
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.URL = &url.URL{Path: path, RawPath: path, RawQuery: query}
			if p, err := url.PathUnescape(path); err == nil {
				req.URL.Path = p
			}
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, req)
			if rec.Code == http.StatusTeapot || rec.Code >= 500 {
				t.Fatalf("%s?%s: %d %s", path, query, rec.Code, rec.Body)
			}
		}
	})
}

// TestFormRefusesWhatJSONRefuses: form fields get the check the JSON
// decoder gives strings.
func TestFormRefusesWhatJSONRefuses(t *testing.T) {
	for _, bad := range []string{"a\x00b", "\xff", strings.Repeat("a", edge.MaxFieldBytes+1)} {
		if edge.Form(url.Values{"note": {bad}}) == nil {
			t.Errorf("form field %.20q accepted", bad)
		}
	}
	if err := edge.Form(url.Values{"note": {"سطر\r\nline\ttab"}}); err != nil {
		t.Errorf("ordinary text refused: %v", err)
	}
}
