package webui

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// home says what the coalition is and how an organisation applies; its
// words are all in the catalogs.
func (ui *UI) home(c echo.Context) error {
	return ui.render(c, http.StatusOK, "home", ui.newPage(c, "home.page_title"))
}
