package webui

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/web"
)

// The door (docs/domain.md, "Delegates"; docs/api.md, "The door") is an
// installable offline page: door.js verifies badges against the
// conference's bundle in the browser, keeps its scans in IndexedDB and
// sends them to /door/sync when the network returns; door-sw.js, served
// at /door/sw.js so that its scope is /door/, keeps the page, its scripts
// and the bundle for when the network is gone.
func (ui *UI) registerDoorPages(e *echo.Echo, member []echo.MiddlewareFunc) {
	e.GET("/door", func(c echo.Context) error { return c.Redirect(http.StatusFound, "/door/") }, member...)
	e.GET("/door/", ui.doorPage, member...)
	e.GET("/door/bundle", ui.doorBundle, member...)
	e.POST("/door/sync", ui.doorSync, member...)
	e.GET("/door/sw.js", ui.doorServiceWorker)
	e.GET("/door/manifest.webmanifest", ui.doorManifest)
	e.POST("/conferences/:id/door-accounts", ui.createDoorAccount, member...)
}

// doorData is what the door page carries for its script.
type doorData struct {
	Conference   string // code
	ConferenceID string
	Checked      int
	Expected     int
}

// doorConference is the conference whose door actor keeps: door staff's
// own, or the one the secretariat names.
func doorConference(c echo.Context) string {
	a := actorOf(c)
	if a.Is(accord.RoleDoor) {
		return a.ConferenceID
	}
	return c.QueryParam("conference")
}

func (ui *UI) doorPage(c echo.Context) error {
	id := doorConference(c)
	if id == "" {
		if !actorOf(c).Is(accord.RoleSecretariat) {
			return accord.Forbidden("only door staff and the secretariat keep a door")
		}
		return accord.Invalid("which conference's door?", accord.Field("conference", "required"))
	}
	b, err := ui.accreditation.CheckinBundle(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	p := ui.newPage(c, "door.title")
	p.Data = doorData{Conference: b.Conference, ConferenceID: b.ConferenceID, Checked: b.CheckedIn(), Expected: len(b.Badges)}
	c.Response().Header().Set(echo.HeaderCacheControl, "private, no-cache")
	return ui.render(c, http.StatusOK, "door", p)
}

func (ui *UI) doorBundle(c echo.Context) error {
	b, err := ui.accreditation.CheckinBundle(c.Request().Context(), actorOf(c), doorConference(c))
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("ETag", b.ETag)
	h.Set(echo.HeaderCacheControl, "private, no-cache")
	if c.Request().Header.Get("If-None-Match") == b.ETag {
		return c.NoContent(http.StatusNotModified)
	}
	return c.JSON(http.StatusOK, struct {
		*accreditation.CheckinBundle
		ETag string `json:"etag"`
	}{b, b.ETag})
}

// doorSync records the scans a door queued; the answer is the batch
// endpoint's.
func (ui *UI) doorSync(c echo.Context) error {
	var in struct {
		Items []accreditation.Scan `json:"items"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(c.Response(), c.Request().Body, 1<<20)).Decode(&in); err != nil {
		return c.JSON(http.StatusBadRequest, map[string]string{"error": "the body is not a batch of scans"})
	}
	res, err := ui.accreditation.CheckInBatch(c.Request().Context(), actorOf(c), in.Items)
	if err != nil {
		status := http.StatusInternalServerError
		switch accord.KindOf(err) {
		case accord.KindForbidden:
			status = http.StatusForbidden
		case accord.KindInvalid:
			status = http.StatusUnprocessableEntity
		}
		if status == http.StatusInternalServerError {
			return err
		}
		return c.JSON(status, map[string]string{"error": err.Error()})
	}
	return c.JSON(http.StatusOK, map[string]any{"results": res})
}

// doorServiceWorker serves door-sw.js with the addresses it keeps
// offline: they carry the assets' content hashes, so a new release is a
// new service worker.
func (ui *UI) doorServiceWorker(c echo.Context) error {
	body, err := fs.ReadFile(web.Static, "door-sw.js")
	if err != nil {
		return fmt.Errorf("door service worker: %w", err)
	}
	keep := []string{"/door/", "/door/manifest.webmanifest"}
	for _, name := range []string{"accord.css", "door.js", "vendor/jsqr.js", "favicon.svg"} {
		keep = append(keep, ui.assets.url(name))
	}
	list, _ := json.Marshal(keep)
	h := c.Response().Header()
	h.Set(echo.HeaderCacheControl, "no-cache")
	h.Set("Service-Worker-Allowed", "/door/")
	return c.Blob(http.StatusOK, "text/javascript; charset=utf-8",
		[]byte("const DOOR_KEEP = "+string(list)+";\n"+string(body)))
}

func (ui *UI) doorManifest(c echo.Context) error {
	m := map[string]any{
		"name": "Accord door", "short_name": "Door", "start_url": "/door/", "scope": "/door/",
		"display": "standalone", "background_color": "#ffffff", "theme_color": "#1f4e79",
		"icons": []map[string]string{{"src": ui.assets.url("favicon.svg"), "sizes": "any", "type": "image/svg+xml"}},
	}
	c.Response().Header().Set(echo.HeaderCacheControl, "no-cache")
	b, _ := json.Marshal(m)
	return c.Blob(http.StatusOK, "application/manifest+json", b)
}

// doorNav is the header of door staff: their door, nothing else.
var doorNav = []navEntry{{"/door/", "door.nav"}}
