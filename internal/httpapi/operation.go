package httpapi

import (
	"net/http"
	"reflect"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/edge"
)

// Operation is one API route and its description. Handle registers the
// route with Echo and keeps the description for the OpenAPI document, so
// adding a route and documenting it is one step:
//
//	s.Handle(Operation{
//		Method: http.MethodPost, Path: "/organizations/:id/documents",
//		Summary: "Attach a document", Tag: "organizations", Auth: true,
//		Response: SchemaOf[documentResponse]("Document"), Status: http.StatusCreated,
//		Handler: s.attachDocument,
//	})
type Operation struct {
	Method  string
	Path    string // Echo syntax relative to /api/v1, e.g. "/organizations/:id"
	Summary string
	Tag     string
	// Auth requires a signed-in user; without one the route answers 401.
	Auth bool
	// Request is the JSON body's schema; nil when the route takes none.
	Request *Schema
	// RequestType is the body's media type when it is not JSON, such as
	// "multipart/form-data" for uploads (then Request may stay nil).
	RequestType string
	// Response is the success body's schema; nil for 204 or non-JSON bodies.
	Response *Schema
	// ResponseType is the success body's media type; default application/json.
	ResponseType string
	// Status is the success status; default 200.
	Status int
	// Query lists the query parameters the route reads.
	Query []Param
	// Problems lists error statuses the route may answer beyond those the
	// document adds by itself: 400/413/415/422 for a body, 401/403 for
	// Auth, 404 for path parameters, 409/422 for Idempotency-Key on POST,
	// and 500 everywhere.
	Problems []int
	// BodyLimit caps the request body in bytes; default MaxBodyBytes.
	BodyLimit int64
	Handler   echo.HandlerFunc
}

// Param is a documented query parameter.
type Param struct {
	Name        string
	Description string
	Type        string // JSON Schema type; default "string"
}

// Schema names a Go type whose JSON form is a request or response body;
// the OpenAPI document derives its schema from the type's json tags.
type Schema struct {
	Name string
	typ  reflect.Type
}

// SchemaOf names T's JSON form for the OpenAPI document.
func SchemaOf[T any](name string) *Schema {
	return &Schema{Name: name, typ: reflect.TypeFor[T]()}
}

// Handle registers op on the /api/v1 group with the middleware its
// description implies and records it for the OpenAPI document.
func (s *Server) Handle(op Operation) *echo.Route {
	if op.Status == 0 {
		op.Status = http.StatusOK
	}
	if op.BodyLimit == 0 {
		op.BodyLimit = MaxBodyBytes
	}
	// Path and query are checked first, so no handler or query meets an id
	// that is not a UUID or text that is not UTF-8.
	mw := []echo.MiddlewareFunc{edge.Middleware, s.authenticate}
	if op.Auth {
		mw = append(mw, requireAuth)
	}
	switch op.Method {
	case http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
		mw = append(mw, limitBody(op.BodyLimit))
	}
	if op.Method == http.MethodPost {
		// After the body limit, because replay compares a hash of the body.
		mw = append(mw, s.idem.middleware)
	}
	s.ops = append(s.ops, op)
	return s.api.Add(op.Method, op.Path, op.Handler, mw...)
}

// Operations returns the registered API operations in registration order.
func (s *Server) Operations() []Operation { return append([]Operation(nil), s.ops...) }
