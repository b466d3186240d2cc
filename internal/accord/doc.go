// Package accord holds the vocabulary every capability shares: the roles a
// person can hold, the acting user handed to every service method, and the
// few kinds of domain error that the HTTP layer maps to problem documents.
//
// It imports nothing from the project, so every other package may import it.
package accord
