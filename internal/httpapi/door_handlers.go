package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accreditation"
)

// scanBatchInput is what a door sends when the network returns.
type scanBatchInput struct {
	Items []accreditation.Scan `json:"items"`
}

// scanBatchReply answers each scan of a batch.
type scanBatchReply struct {
	Results []accreditation.ScanResult `json:"results"`
}

// registerDoorRoutes adds what a door needs beyond the single check-in
// (docs/api.md, The door).
func (s *Server) registerDoorRoutes() {
	const tag = "badges"
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/conferences/:id/checkin-bundle", Tag: tag, Auth: true,
		Summary:  "What a door keeps to check badges in offline: public key, issued badges, revoked codes (secretariat, door staff of the conference); ETag, 304 on If-None-Match",
		Response: SchemaOf[accreditation.CheckinBundle]("CheckinBundle"), Handler: s.checkinBundle,
	})
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/checkins/batch", Tag: tag, Auth: true,
		Summary:  "Record the scans a door queued offline, each with its time and device: per scan 201 recorded, 409 duplicate (the earliest scan is kept), 422 invalid; a retry gets the same answers",
		Request:  SchemaOf[scanBatchInput]("ScanBatch"),
		Response: SchemaOf[scanBatchReply]("ScanBatchResults"), Handler: s.checkInBatch,
	})
}

func (s *Server) checkinBundle(c echo.Context) error {
	b, err := s.accreditation.CheckinBundle(c.Request().Context(), actor(c), c.Param("id"))
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("ETag", b.ETag)
	h.Set("Cache-Control", "private, no-cache")
	if match := c.Request().Header.Get("If-None-Match"); match != "" && match == b.ETag {
		return c.NoContent(http.StatusNotModified)
	}
	return c.JSON(http.StatusOK, b)
}

func (s *Server) checkInBatch(c echo.Context) error {
	var in scanBatchInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	res, err := s.accreditation.CheckInBatch(c.Request().Context(), actor(c), in.Items)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, scanBatchReply{Results: res})
}
