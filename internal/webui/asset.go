package webui

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

const assetPrefix = "/static/"

// assets are the files of web/static, each served under a name carrying a
// hash of its content (accord.3f9a1c2b7d.css). A changed file gets a new
// name, so the old one can be cached for a year without ever going stale:
// a reader on a slow connection downloads the stylesheet once.
type assets struct {
	byHashed map[string]asset  // accord.3f9a1c2b7d.css -> the file
	hashed   map[string]string // accord.css -> /static/accord.3f9a1c2b7d.css
}

type asset struct {
	body  []byte
	ctype string
	etag  string
}

// loadAssets reads and fingerprints every file of fsys at start.
func loadAssets(fsys fs.FS) (*assets, error) {
	a := &assets{byHashed: map[string]asset{}, hashed: map[string]string{}}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		hash := hex.EncodeToString(sum[:])[:10]
		ext := path.Ext(name)
		hashedName := strings.TrimSuffix(name, ext) + "." + hash + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		a.byHashed[hashedName] = asset{body: body, ctype: ctype, etag: `"` + hash + `"`}
		a.hashed[name] = assetPrefix + hashedName
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load static assets: %w", err)
	}
	return a, nil
}

// url is the fingerprinted address of the static file name. A name that
// is not there is a mistake in a template; it still gets an address, which
// answers 404, rather than breaking the page.
func (a *assets) url(name string) string {
	if u, ok := a.hashed[name]; ok {
		return u
	}
	return assetPrefix + name
}

// serveAsset serves a fingerprinted file with a year-long immutable cache
// lifetime; conditional and range requests are handled by ServeContent.
func (ui *UI) serveAsset(c echo.Context) error {
	f, ok := ui.assets.byHashed[c.Param("*")]
	if !ok {
		return c.NoContent(http.StatusNotFound)
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, f.ctype)
	h.Set(echo.HeaderCacheControl, "public, max-age=31536000, immutable")
	h.Set("ETag", f.etag)
	http.ServeContent(c.Response(), c.Request(), "", time.Time{}, bytes.NewReader(f.body))
	return nil
}
