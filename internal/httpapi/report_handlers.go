package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/httpreply"
	"github.com/accord-coalition/accord/internal/i18n"
	"github.com/accord-coalition/accord/internal/report"
)

// reportHandlers serve the report capability: exports, visa letters and
// the dashboard's figures.
type reportHandlers struct {
	s       *Server
	reports *report.Service
}

var exportParams = []Param{
	{Name: "state", Description: "the state of what is listed: the request (accredited, circulation), the delegate (participants, badges) or the membership (members, default active)"},
	{Name: "region", Description: "the organisation's region: AFR, AME, ASP, ECA or MENA"},
	{Name: "country", Description: "the organisation's country, ISO 3166-1 alpha-2"},
	{Name: "lang", Description: "language of the header row and names: ar, en, fr or es (else Accept-Language)"},
}

// RegisterReportRoutes adds the report capability's API: the exports of
// conference lists and of the member directory, visa support letters and
// the secretariat's dashboard.
func (s *Server) RegisterReportRoutes(reports *report.Service) {
	h := reportHandlers{s: s, reports: reports}
	const tag = "exports"
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/conferences/:id/exports/:file", Tag: tag, Auth: true,
		Summary: "Export a conference's list (secretariat): file is {accredited,participants,circulation,badges}." +
			"{csv,xlsx,pdf}; streamed, CSV in UTF-8 with a BOM; XLSX and PDF as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet and application/pdf",
		ResponseType: "text/csv", Query: exportParams, Problems: []int{http.StatusUnprocessableEntity},
		Handler: h.conferenceExport,
	})
	for _, format := range report.MemberFormats {
		s.Handle(Operation{
			Method: http.MethodGet, Path: "/members/export." + format, Tag: tag, Auth: true,
			Summary:      "Export the member directory with the organisations' contacts (secretariat), as " + format,
			ResponseType: map[string]string{report.FormatCSV: "text/csv", report.FormatXLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}[format],
			Query:        exportParams, Problems: []int{http.StatusUnprocessableEntity},
			Handler: h.membersExport(format),
		})
	}
	s.Handle(Operation{
		Method: http.MethodPost, Path: "/delegates/:id/visa-letter", Tag: "delegates", Auth: true,
		Summary: "Write the delegate's visa support letter (secretariat), for a confirmed delegate who asked for one, " +
			"of an accredited organisation; ?lang=ar|fr|es, English by default",
		Query:    []Param{{Name: "lang", Description: "the letter's language: ar, en, fr or es"}},
		Response: SchemaOf[report.VisaLetter]("VisaLetter"), Status: http.StatusCreated,
		Handler: h.generateVisaLetter,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/delegates/:id/visa-letter.pdf", Tag: "delegates", Auth: true,
		Summary:      "Download the delegate's latest visa support letter (secretariat, and the applicants of its organisation)",
		ResponseType: "application/pdf", Handler: h.visaLetterPDF,
	})
	s.Handle(Operation{
		Method: http.MethodGet, Path: "/reports/dashboard", Tag: "reports", Auth: true,
		Summary: "The secretariat's dashboard: applications by state and region, median time to decision, " +
			"accreditation outcomes and objections per conference, the coalition's targets",
		Query:    []Param{{Name: "lang", Description: "language of region names and conference titles"}},
		Response: SchemaOf[report.Dashboard]("Dashboard"), Handler: h.dashboard,
	})
}

// requestLocale is ?lang=, else the best of Accept-Language.
func requestLocale(c echo.Context) string {
	return i18n.Negotiate(i18n.Choice{Query: c.QueryParam("lang"), AcceptLanguage: c.Request().Header.Get("Accept-Language")})
}

func exportFilter(c echo.Context) report.Filter {
	return report.Filter{State: c.QueryParam("state"), Region: c.QueryParam("region"), Country: c.QueryParam("country")}
}

func (h reportHandlers) conferenceExport(c echo.Context) error {
	// A name that does not parse names no list: the service refuses it
	// (after refusing anyone but the secretariat).
	list, format, _ := report.ParseExportFile(c.Param("file"))
	return h.export(c, report.ExportRequest{Conference: c.Param("id"), List: list, Format: format})
}

func (h reportHandlers) membersExport(format string) echo.HandlerFunc {
	return func(c echo.Context) error {
		return h.export(c, report.ExportRequest{List: report.ListMembers, Format: format})
	}
}

func (h reportHandlers) export(c echo.Context, req report.ExportRequest) error {
	req.Locale, req.Filter, req.Channel = requestLocale(c), exportFilter(c), report.ChannelAPI
	e, err := h.reports.PrepareExport(c.Request().Context(), actor(c), req)
	if err != nil {
		return err
	}
	return httpreply.StreamExport(c, e, h.s.log)
}

func (h reportHandlers) generateVisaLetter(c echo.Context) error {
	l, err := h.reports.GenerateVisaLetter(c.Request().Context(), actor(c), c.Param("id"), c.QueryParam("lang"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, l)
}

func (h reportHandlers) visaLetterPDF(c echo.Context) error {
	l, pdf, err := h.reports.VisaLetterPDF(c.Request().Context(), actor(c), c.Param("id"))
	if err != nil {
		return err
	}
	return httpreply.Attachment(c, "visa-letter-"+l.DelegateID+".pdf", "application/pdf", pdf)
}

func (h reportHandlers) dashboard(c echo.Context) error {
	d, err := h.reports.Dashboard(c.Request().Context(), actor(c), requestLocale(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}
