package webui

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accreditation"
)

type transparencyData struct {
	Conf      *accreditation.Conference
	ConfTitle string
	Counts    []transparencyCount
	// Named says whether the conference names objecting States; States
	// are their names, in the reader's language.
	Named  bool
	States []string
}

// transparencyCount is one count of the report with what it counts.
type transparencyCount struct {
	Key   string // the docs/api.md field name, which also names its catalog keys
	Count int
}

// transparencyPage is a conference's public report: how many requests,
// admitted, circulated, objected, referred, admitted after objection,
// denied, withdrawn and revoked, each with its definition, and the
// objecting States where the conference names them.
func (ui *UI) transparencyPage(c echo.Context) error {
	ctx := c.Request().Context()
	p := ui.newPage(c, "transparency.title")
	conf, err := ui.accreditation.GetConference(ctx, actorOf(c), c.Param("id"))
	if err != nil {
		return err
	}
	t, err := ui.accreditation.TransparencyReport(ctx, actorOf(c), conf.ID)
	if err != nil {
		return err
	}
	d := transparencyData{Conf: conf, ConfTitle: conf.LocalTitle(p.Locale), Counts: []transparencyCount{
		{"requests", t.Requests}, {"admitted", t.Admitted}, {"admitted_ecosoc", t.AdmittedEcosoc},
		{"circulated", t.Circulated}, {"objected", t.Objected}, {"referred", t.Referred},
		{"admitted_after_objection", t.AdmittedAfterObjection}, {"denied", t.Denied},
		{"withdrawn", t.Withdrawn}, {"revoked", t.Revoked},
	}}
	if t.ObjectingStates != nil {
		names, err := ui.placeNames(ctx, p.Locale)
		if err != nil {
			return err
		}
		d.Named = true
		for _, code := range *t.ObjectingStates {
			d.States = append(d.States, names.country(code))
		}
	}
	p.Title = p.T("transparency.heading", "conference", conf.Code)
	p.Data = d
	return ui.render(c, http.StatusOK, "accreditation_transparency", p)
}
