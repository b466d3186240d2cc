package memberimport

import (
	"context"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/workflow"
)

// CollectionImports is the imports' path segment in the API and on the
// web: /members/imports/{id}.
const CollectionImports = "members/imports"

// Collections returns the import workflow as the transports serve it.
func (s *Service) Collections() []workflow.Collection {
	return []workflow.Collection{{
		Name: CollectionImports, Machine: s.imports, Resource: importResource{s},
		Doc: workflow.CollectionDoc{
			Tag:     "members",
			Summary: "Fire apply (422 while rows have errors; creates every row that matches no organisation, or none) or discard",
			View:    View{}, ViewName: "MemberImport", Name: "member import",
		},
	}}
}

// importResource serves imports as a workflow.Resource.
type importResource struct{ s *Service }

func (r importResource) View(ctx context.Context, actor accord.Actor, id string) (any, error) {
	return r.s.Get(ctx, actor, id)
}

func (r importResource) Fire(ctx context.Context, actor accord.Actor, id string, in workflow.Body) (any, error) {
	return r.s.Fire(ctx, actor, id, in.Transition())
}

func (r importResource) History(ctx context.Context, actor accord.Actor, id string) ([]workflow.HistoryEntry, error) {
	return r.s.History(ctx, actor, id)
}
