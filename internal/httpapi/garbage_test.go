package httpapi_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestGarbageBodiesNeverFail posts hostile bodies to every registered POST
// route, signed in as an admin so the routes that need a user read their
// bodies too: whatever a client sends, the answer is never a 5xx.
func TestGarbageBodiesNeverFail(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		admin := e.staff("admin@example.org", accord.RoleAdmin)
		bodies := map[string]string{
			"empty":          ``,
			"null":           `null`,
			"array":          `[]`,
			"number":         `12`,
			"deep nesting":   strings.Repeat(`{"a":`, 5000) + `1` + strings.Repeat(`}`, 5000),
			"deep arrays":    `{"email":` + strings.Repeat(`[`, 12000) + strings.Repeat(`]`, 12000) + `}`,
			"invalid utf-8":  "{\"email\":\"\xff\xfe\xfd\",\"name\":\"\xc3\x28\"}",
			"huge number":    `{"email":1e999999,"expires_in":123456789012345678901234567890}`,
			"wrong types":    `{"email":["x"],"password":{"a":1},"name":true,"locale":7,"role":[],"regions":"AFR","token":5,"refresh_token":null}`,
			"nul byte":       `{"email":"a\u0000@b.org","password":"x\u0000y","name":"n\u0000","token":"\u0000","refresh_token":"\u0000"}`,
			"lone surrogate": `{"email":"\ud800@b.org","name":"\udfff","token":"\ud800","refresh_token":"\ud800"}`,
			"long strings":   `{"email":"` + strings.Repeat("a", 200000) + `@b.org","name":"` + strings.Repeat("ب", 100000) + `","token":"` + strings.Repeat("t", 100000) + `"}`,
			"trailing":       `{"email":"a@b.org"}]`,
		}
		for _, op := range e.server.Operations() {
			if op.Method != http.MethodPost {
				continue
			}
			for name, body := range bodies {
				for _, headers := range [][]string{nil, bearer(admin.AccessToken)} {
					res := e.do("POST", "/api/v1"+op.Path, body, headers...)
					if res.StatusCode >= 500 {
						t.Errorf("POST %s with %s: %d %s", op.Path, name, res.StatusCode, res.body)
					}
				}
			}
		}
	})
}
