// Package httpreply holds what the API and the web pages send back the same
// way: the HTTP status of each error kind, the 503 while the database
// cannot serve, files sent as attachments, and exports streamed as they
// are written. Both transports use it, so a document downloads with the
// same headers from a page as from the API, and an error kind means the
// same status on both.
//
// It is a transport package: it may use Echo, and the capability packages
// never import it.
package httpreply
