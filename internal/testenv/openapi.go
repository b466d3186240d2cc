package testenv

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

// OpenAPI is the server's OpenAPI document as the tests read it: the
// operations of each path and the properties of each schema.
type OpenAPI struct {
	Paths      map[string]map[string]any `json:"paths"`
	Components struct {
		Schemas map[string]struct {
			Properties map[string]any `json:"properties"`
		} `json:"schemas"`
	} `json:"components"`
}

// OpenAPI fetches and reads the server's OpenAPI document.
func (e *Env) OpenAPI() OpenAPI {
	e.T.Helper()
	res, err := http.Get(e.URL + "/api/openapi.json")
	if err != nil {
		e.T.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		e.T.Fatalf("openapi.json: %d %s", res.StatusCode, body)
	}
	var doc OpenAPI
	if err := json.Unmarshal(body, &doc); err != nil {
		e.T.Fatal(err)
	}
	return doc
}

// Operation is one method on one path of the document, as {"get",
// "/api/v1/…/{id}"}.
type Operation = [2]string

// Documents fails t for every operation the document lacks and every
// field a schema of fields lacks.
func (d OpenAPI) Documents(t testing.TB, ops []Operation, fields map[string][]string) {
	t.Helper()
	for _, op := range ops {
		if method, path := op[0], op[1]; d.Paths[path][method] == nil {
			t.Errorf("%s %s is not documented", method, path)
		}
	}
	for schema, names := range fields {
		for _, f := range names {
			if d.Components.Schemas[schema].Properties[f] == nil {
				t.Errorf("schema %s lacks %s", schema, f)
			}
		}
	}
}

// Withholds fails t for every one of fields that schema shows: what the
// API never gives out, however it is asked.
func (d OpenAPI) Withholds(t testing.TB, schema string, fields ...string) {
	t.Helper()
	for _, f := range fields {
		if d.Components.Schemas[schema].Properties[f] != nil {
			t.Errorf("the %s schema shows %s", schema, f)
		}
	}
}
