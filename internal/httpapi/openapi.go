package httpapi

import (
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
)

// openAPIDocument serves GET /api/openapi.json.
func (s *Server) openAPIDocument(c echo.Context) error {
	doc, err := s.OpenAPI()
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, doc)
}

// OpenAPI builds the OpenAPI 3.1 document from the registered operations.
// It fails when two schemas share a name but not a type.
func (s *Server) OpenAPI() (map[string]any, error) {
	schemas := map[string]any{}
	types := map[string]reflect.Type{}
	ref := func(sc *Schema) (map[string]any, error) {
		if t, ok := types[sc.Name]; ok && t != sc.typ {
			return nil, fmt.Errorf("openapi: schema %q names both %v and %v", sc.Name, t, sc.typ)
		}
		if _, ok := types[sc.Name]; !ok {
			types[sc.Name] = sc.typ
			schemas[sc.Name] = jsonSchemaOf(sc.typ)
		}
		return map[string]any{"$ref": "#/components/schemas/" + sc.Name}, nil
	}
	if _, err := ref(SchemaOf[Problem]("Problem")); err != nil {
		return nil, err
	}

	paths := map[string]any{}
	var tags []string
	for _, op := range s.ops {
		path, params := openAPIPath(APIPrefix + op.Path)
		item, _ := paths[path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[path] = item
		}
		o, err := s.openAPIOperation(op, path, params, ref)
		if err != nil {
			return nil, err
		}
		item[strings.ToLower(op.Method)] = o
		if op.Tag != "" && !slices.Contains(tags, op.Tag) {
			tags = append(tags, op.Tag)
		}
	}
	tagList := make([]map[string]any, 0, len(tags))
	for _, t := range tags {
		tagList = append(tagList, map[string]any{"name": t})
	}

	doc := map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":   "Accord API",
			"version": "1",
			"description": "Membership applications and conference accreditation for a coalition of NGOs. " +
				"Errors are RFC 9457 problem documents; POST requests accept an Idempotency-Key header.",
		},
		"paths": paths,
		"tags":  tagList,
		"components": map[string]any{
			"schemas": schemas,
			"responses": map[string]any{
				"Problem": map[string]any{
					"description": "An RFC 9457 problem document",
					"content": map[string]any{
						ProblemContentType: map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Problem"}},
					},
				},
			},
			"securitySchemes": map[string]any{
				"bearerAuth": map[string]any{"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
			},
		},
	}
	if s.cfg.BaseURL != "" {
		doc["servers"] = []map[string]any{{"url": s.cfg.BaseURL}}
	}
	return doc, nil
}

func (s *Server) openAPIOperation(op Operation, path string, pathParams []string, ref func(*Schema) (map[string]any, error)) (map[string]any, error) {
	o := map[string]any{
		"operationId": operationID(op.Method, path),
		"summary":     op.Summary,
	}
	if op.Tag != "" {
		o["tags"] = []string{op.Tag}
	}
	if op.Auth {
		o["security"] = []map[string][]string{{"bearerAuth": {}}}
	}

	var params []map[string]any
	for _, p := range pathParams {
		params = append(params, map[string]any{"name": p, "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
	}
	for _, q := range op.Query {
		typ := q.Type
		if typ == "" {
			typ = "string"
		}
		params = append(params, map[string]any{"name": q.Name, "in": "query", "description": q.Description, "schema": map[string]any{"type": typ}})
	}
	if op.Method == http.MethodPost {
		params = append(params, map[string]any{
			"name": HeaderIdempotencyKey, "in": "header",
			"description": "Repeats within 24 hours return the first response instead of acting again.",
			"schema":      map[string]any{"type": "string", "maxLength": maxIdempotencyKey},
		})
	}
	if len(params) > 0 {
		o["parameters"] = params
	}

	problems := []int{http.StatusInternalServerError}
	hasBody := op.Request != nil || op.RequestType != ""
	if hasBody {
		reqType := op.RequestType
		if reqType == "" {
			reqType = echo.MIMEApplicationJSON
		}
		media := map[string]any{}
		if op.Request != nil {
			r, err := ref(op.Request)
			if err != nil {
				return nil, err
			}
			media["schema"] = r
		}
		o["requestBody"] = map[string]any{"required": true, "content": map[string]any{reqType: media}}
		problems = append(problems, http.StatusBadRequest, http.StatusRequestEntityTooLarge,
			http.StatusUnsupportedMediaType, http.StatusUnprocessableEntity)
	}
	if op.Auth {
		problems = append(problems, http.StatusUnauthorized, http.StatusForbidden)
	}
	if len(pathParams) > 0 {
		problems = append(problems, http.StatusNotFound)
	}
	if op.Method == http.MethodPost {
		problems = append(problems, http.StatusConflict, http.StatusUnprocessableEntity)
	}
	problems = append(problems, op.Problems...)

	success := map[string]any{"description": http.StatusText(op.Status)}
	if op.Response != nil {
		r, err := ref(op.Response)
		if err != nil {
			return nil, err
		}
		resType := op.ResponseType
		if resType == "" {
			resType = echo.MIMEApplicationJSON
		}
		success["content"] = map[string]any{resType: map[string]any{"schema": r}}
	} else if op.ResponseType != "" {
		success["content"] = map[string]any{op.ResponseType: map[string]any{}}
	}
	responses := map[string]any{strconv.Itoa(op.Status): success}
	for _, st := range problems {
		responses[strconv.Itoa(st)] = map[string]any{"$ref": "#/components/responses/Problem"}
	}
	o["responses"] = responses
	return o, nil
}

// openAPIPath turns Echo's "/conferences/:id" into "/conferences/{id}" and
// lists the parameters.
func openAPIPath(echoPath string) (string, []string) {
	segs := strings.Split(echoPath, "/")
	var params []string
	for i, seg := range segs {
		switch {
		case strings.HasPrefix(seg, ":"):
			params = append(params, seg[1:])
			segs[i] = "{" + seg[1:] + "}"
		case seg == "*":
			params = append(params, "path")
			segs[i] = "{path}"
		}
	}
	return strings.Join(segs, "/"), params
}

// operationID is a stable name per operation: post_auth_login.
func operationID(method, path string) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(method))
	for _, seg := range strings.Split(strings.TrimPrefix(path, APIPrefix), "/") {
		seg = strings.Trim(seg, "{}")
		if seg == "" {
			continue
		}
		b.WriteByte('_')
		b.WriteString(strings.ReplaceAll(seg, "-", "_"))
	}
	return b.String()
}
