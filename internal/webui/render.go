package webui

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"
)

// shared are the templates every page is parsed with: the layout and the
// partials it and the pages use.
var shared = []string{"layout.html", "pager.html", "form_parts.html", "workflow_parts.html", "accreditation_parts.html", "accreditation_desk_parts.html"}

// parsePages parses each page template of fsys together with the shared
// ones into a set of its own, so that every page defines "content" its
// own way.
func parsePages(fsys fs.FS) (map[string]*template.Template, error) {
	names, err := fs.Glob(fsys, "*.html")
	if err != nil {
		return nil, fmt.Errorf("list templates: %w", err)
	}
	pages := map[string]*template.Template{}
	for _, name := range names {
		if slices.Contains(shared, name) {
			continue
		}
		files := append([]string{name}, shared...)
		t, err := template.New(name).ParseFS(fsys, files...)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		pages[strings.TrimSuffix(path.Base(name), ".html")] = t
	}
	return pages, nil
}

// render executes the page's template into a buffer first, so that a
// template error becomes an error page rather than half a page.
func (ui *UI) render(c echo.Context, status int, name string, p *Page) error {
	t, ok := ui.pages[name]
	if !ok {
		return fmt.Errorf("render: no template %q", name)
	}
	if c.Request().Method == http.MethodPost && status >= 400 && p.PageURL == "" {
		p.PageURL = formPage(c.Request())
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	return c.HTMLBlob(status, buf.Bytes())
}

// blankForm is the page of a form that starts empty, with nothing to
// read first: registering, asking for a link by mail.
func (ui *UI) blankForm(title, page string) echo.HandlerFunc {
	return func(c echo.Context) error {
		return ui.render(c, http.StatusOK, page, ui.newPage(c, title))
	}
}

// redirect answers a form with See Other, so that reloading the page it
// leads to does not send the form again.
func redirect(c echo.Context, to string) error {
	return c.Redirect(http.StatusSeeOther, to)
}
