package httpapi

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/httpreply"
	"github.com/accord-coalition/accord/internal/workflow"
)

// BulkResults answers a bulk transition: one result per item, in the
// order sent.
type BulkResults struct {
	Results []BulkResult `json:"results"`
}

// BulkResult is what became of one item: status is the status the item
// would have had alone (200, or 403, 404, 409, 422); state and version
// are the record's after a success; error says why it was refused.
type BulkResult struct {
	ID      string              `json:"id"`
	Status  int                 `json:"status"`
	State   string              `json:"state,omitempty"`
	Version int                 `json:"version,omitempty"`
	Error   string              `json:"error,omitempty"`
	Errors  []accord.FieldError `json:"errors,omitempty"`
}

// fireBulk fires one event on many records of the collection
// (docs/api.md, The secretariat's desk). The batch as a whole answers 200
// once it is well formed; each item carries its own status.
func (s *Server) fireBulk(col workflow.Collection) echo.HandlerFunc {
	return func(c echo.Context) error {
		var in workflow.BulkInput
		if err := bindJSON(c, &in); err != nil {
			return err
		}
		outcomes, err := workflow.FireEach(c.Request().Context(), actor(c), col, in)
		if err != nil {
			return err
		}
		out := BulkResults{Results: make([]BulkResult, 0, len(outcomes))}
		for _, o := range outcomes {
			out.Results = append(out.Results, s.bulkResult(c, o))
		}
		return c.JSON(http.StatusOK, out)
	}
}

func (s *Server) bulkResult(c echo.Context, o workflow.BulkOutcome) BulkResult {
	r := BulkResult{ID: o.ID, Status: http.StatusOK}
	if o.Err == nil {
		r.State, r.Version = o.State()
		return r
	}
	var ae *accord.Error
	if errors.As(o.Err, &ae) {
		if st, ok := httpreply.Status(ae.Kind); ok {
			r.Status, r.Error, r.Errors = st, ae.Message, ae.Fields
			return r
		}
	}
	// Anything else is ours, not the client's: logged, its text hidden.
	s.logInternal(c, o.Err)
	r.Status, r.Error = http.StatusInternalServerError, "Something went wrong on our side for this item; it has been logged."
	return r
}
