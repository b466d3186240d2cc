// Package httpapi is Accord's HTTP layer on Echo: the server and its
// middleware (request ids, access log, panic recovery, security headers,
// compression, metrics), RFC 9457 problem documents for every error, strict
// JSON binding, Idempotency-Key replay, health and readiness probes, the
// OpenAPI document, and the handlers of the JSON API under /api/v1.
//
// Every API route is registered through Server.Handle with an Operation
// that also describes it for the OpenAPI document, so the document and the
// routes are built from one table and cannot drift apart. Handlers parse the
// request, call one service method and render its answer; the rules live in
// the capability packages, which never import Echo.
package httpapi
