// Package web embeds the files of Accord's web pages into the binary: the
// html/template sources (templates/), the stylesheet and any other static
// assets (static/), and the message catalogs of the four languages (i18n/).
// internal/webui serves them and internal/i18n reads the catalogs.
package web

import (
	"embed"
	"io/fs"
)

//go:embed templates static i18n
var files embed.FS

// Templates holds the page templates, layout.html and one file per page.
var Templates = sub("templates")

// Static holds the assets served under /static/.
var Static = sub("static")

// I18n holds ar.json, en.json, fr.json and es.json.
var I18n = sub("i18n")

func sub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		panic(err) // a directory named in go:embed always exists
	}
	return f
}
