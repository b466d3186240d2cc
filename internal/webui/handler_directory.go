package webui

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/membership"
)

// pageSize is how many items a list page shows: few enough to load
// quickly on a poor connection.
const pageSize = 20

type directoryData struct {
	Pager
	Q, Region string
	Regions   []regionOption
	Entries   []directoryEntry
}

type regionOption struct{ Code, Name string }

type directoryEntry struct {
	membership.DirectoryEntry
	CountryName, RegionName string
	// WebsiteURL is the website as a link, empty when it is not an
	// http(s) address; the text is then shown without a link.
	WebsiteURL string
}

// directory is the public list of active members, searched by name or
// acronym (Arabic spelling variants match each other) and filtered by
// region.
func (ui *UI) directory(c echo.Context) error {
	ctx := c.Request().Context()
	p := ui.newPage(c, "directory.title")
	d := directoryData{Q: strings.TrimSpace(c.QueryParam("q"))}
	if r := strings.ToUpper(c.QueryParam("region")); slices.Contains(country.RegionCodes, r) {
		d.Region = r
	}
	entries, next, err := ui.members.Directory(ctx, actorOf(c), membership.DirectoryFilter{
		Q: d.Q, Region: d.Region, Limit: pageSize, Cursor: c.QueryParam("cursor"),
	})
	if err != nil {
		return err
	}
	names, err := ui.placeNames(ctx, p.Locale)
	if err != nil {
		return err
	}
	d.Regions = names.regions
	for _, e := range entries {
		d.Entries = append(d.Entries, directoryEntry{
			DirectoryEntry: e,
			CountryName:    names.country(e.Country),
			RegionName:     names.region(e.Region),
			WebsiteURL:     websiteURL(e.Website),
		})
	}
	d.Pager = newPager(c, next)
	p.Data = d
	return ui.render(c, http.StatusOK, "directory", p)
}

// placeNames are the names of countries and regions in one language.
type placeNames struct {
	countries map[string]string
	regions   []regionOption
}

func (ui *UI) placeNames(ctx context.Context, locale string) (placeNames, error) {
	cs, err := country.List(ctx, ui.db)
	if err != nil {
		return placeNames{}, err
	}
	rs, err := country.Regions(ctx, ui.db)
	if err != nil {
		return placeNames{}, err
	}
	n := placeNames{countries: make(map[string]string, len(cs))}
	for _, c := range cs {
		n.countries[c.Code] = c.Name(locale)
	}
	for _, r := range rs {
		n.regions = append(n.regions, regionOption{Code: r.Code, Name: r.Name(locale)})
	}
	return n, nil
}

// country is the name of code, or the code itself if it is not loaded.
func (n placeNames) country(code string) string {
	if name, ok := n.countries[code]; ok {
		return name
	}
	return code
}

func (n placeNames) region(code string) string {
	for _, r := range n.regions {
		if r.Code == code {
			return r.Name
		}
	}
	return code
}

// websiteURL makes a link of a website as organisations type it:
// "example.org" becomes https://example.org, and anything but http(s) —
// javascript:, data: — is no link at all.
func websiteURL(site string) string {
	site = strings.TrimSpace(site)
	if site == "" {
		return ""
	}
	if !strings.Contains(site, "://") {
		site = "https://" + site
	}
	u, err := url.Parse(site)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}
