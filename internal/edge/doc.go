// Package edge checks what a stranger controls in a request — path
// parameters, the query string, form values — before any of it reaches a
// service or a query. Both transports use it: the JSON API answers its
// errors with problem documents, the web pages with error pages. It knows
// the shapes of values (ids are UUIDs, text is UTF-8 without NUL, nothing
// is huge), not what they mean: meaning stays with the services.
package edge
