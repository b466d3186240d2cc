package memberimport

import "github.com/accord-coalition/accord/internal/workflow"

// CollectionImports is the imports' path segment in the API and on the
// web: /members/imports/{id}.
const CollectionImports = "members/imports"

// Collections returns the import workflow as the transports serve it.
func (s *Service) Collections() []workflow.Collection {
	return []workflow.Collection{{
		Name: CollectionImports, Machine: s.imports, Resource: workflow.Methods(s.Get, s.Fire, s.History),
		Doc: workflow.CollectionDoc{
			Tag:     "members",
			Summary: "Fire apply (422 while rows have errors; creates every row that matches no organisation, or none) or discard",
			View:    View{}, ViewName: "MemberImport", Name: "member import",
		},
	}}
}
