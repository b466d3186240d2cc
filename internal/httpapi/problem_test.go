package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/httpreply"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

func TestKindsMapToStatuses(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	cases := []struct {
		kind   accord.Kind
		status int
		header string // a header the answer must carry, with its value
		value  string
	}{
		{accord.KindInvalid, http.StatusUnprocessableEntity, "", ""},
		{accord.KindBadRequest, http.StatusBadRequest, "", ""},
		{accord.KindUnauthenticated, http.StatusUnauthorized, "WWW-Authenticate", `Bearer realm="accord"`},
		{accord.KindForbidden, http.StatusForbidden, "", ""},
		{accord.KindNotFound, http.StatusNotFound, "", ""},
		{accord.KindConflict, http.StatusConflict, "", ""},
		{accord.KindTooLarge, http.StatusRequestEntityTooLarge, "", ""},
		{accord.KindUnsupported, http.StatusUnsupportedMediaType, "", ""},
		{accord.KindRateLimited, http.StatusTooManyRequests, "Retry-After", "2"},
		{accord.KindInternal, http.StatusInternalServerError, "", ""},
	}
	e.server.Handle(httpapi.Operation{Method: http.MethodGet, Path: "/test/kind/:kind", Summary: "fails with a kind", Handler: func(c echo.Context) error {
		k, _ := strconv.Atoi(c.Param("kind"))
		return &accord.Error{Kind: accord.Kind(k), Message: "secret internals", RetryAfter: 1500 * time.Millisecond,
			Fields: []accord.FieldError{accord.Field("name", "required")}}
	}})
	for _, tc := range cases {
		res := e.do("GET", "/api/v1/test/kind/"+strconv.Itoa(int(tc.kind)), nil)
		p := res.problem(t, tc.status)
		if tc.header != "" && res.Header.Get(tc.header) != tc.value {
			t.Errorf("kind %d: %s = %q, want %q", tc.kind, tc.header, res.Header.Get(tc.header), tc.value)
		}
		internal := tc.kind == accord.KindInternal
		if internal == (p.Detail == "secret internals") {
			t.Errorf("kind %d: detail %q", tc.kind, p.Detail)
		}
		if internal == hasField(p, "name") {
			t.Errorf("kind %d: field errors %v", tc.kind, p.Errors)
		}
	}
	if httpreply.Kinds() != len(cases) {
		t.Fatalf("%d kinds mapped, %d tested", httpreply.Kinds(), len(cases))
	}
}

func TestClientAddrTrustsProxiesOnlyWhenTold(t *testing.T) {
	for _, tc := range []struct {
		trust      bool
		remote     string
		forwarded  string
		wantClient string
	}{
		{false, "203.0.113.9:4000", "198.51.100.7", "203.0.113.9"},
		{true, "10.0.0.2:4000", "198.51.100.7", "198.51.100.7"},
		{true, "203.0.113.9:4000", "198.51.100.7", "203.0.113.9"}, // an untrusted hop sent it
	} {
		e := echo.New()
		e.IPExtractor = httpapi.ClientAddrExtractor(tc.trust)
		req := httptest.NewRequest(http.MethodPost, "/", nil)
		req.RemoteAddr = tc.remote
		req.Header.Set("X-Forwarded-For", tc.forwarded)
		if got := httpapi.ClientAddr(e.NewContext(req, httptest.NewRecorder())); got != tc.wantClient {
			t.Errorf("trust %v, remote %s, XFF %s: client %s, want %s", tc.trust, tc.remote, tc.forwarded, got, tc.wantClient)
		}
	}
}
