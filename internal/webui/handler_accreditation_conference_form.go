package webui

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accreditation"
)

// conferenceFields are the conference form's inputs: the service's field
// names with the form's prefix.
var conferenceFields = []string{"conf_code", "conf_title", "conf_title_ar", "conf_title_fr", "conf_title_es",
	"conf_venue", "conf_starts_on", "conf_ends_on", "conf_accreditation_opens_at", "conf_accreditation_closes_at",
	"conf_nomination_cutoff_at", "conf_max_delegates", "conf_objection_period_days", "conf_name_objecting_states"}

type conferenceFormData struct {
	Conf    *accreditation.Conference // nil when creating
	Action  string
	Version int
}

// newConferenceForm is the secretariat's form for a new conference, with
// the defaults of rule 17's practice filled in.
func (ui *UI) newConferenceForm(c echo.Context) error {
	if err := requireSecretariat(c); err != nil {
		return err
	}
	p := ui.newPage(c, "conference.new_title")
	p.Form.Set("conf_max_delegates", "3")
	p.Form.Set("conf_objection_period_days", "30")
	p.Data = conferenceFormData{Action: "/accreditation/conferences"}
	return ui.render(c, http.StatusOK, "accreditation_conference_form", p)
}

// createConference adds the conference and shows its page.
func (ui *UI) createConference(c echo.Context) error {
	if err := requireSecretariat(c); err != nil {
		return err
	}
	p := ui.newPage(c, "conference.new_title")
	in := readConferenceForm(c, p, false)
	status := http.StatusUnprocessableEntity
	if !p.Form.HasErrors() {
		conf, err := ui.accreditation.CreateConference(c.Request().Context(), actorOf(c), in)
		if err == nil {
			return redirect(c, "/conferences/"+conf.Code+"?notice=acc_conference_saved")
		}
		if !p.Form.showAccreditationErrors(err, prefixed("conf_"), conferenceFields...) {
			return err
		}
		status = statusOf(err)
	}
	p.Data = conferenceFormData{Action: "/accreditation/conferences"}
	return ui.render(c, status, "accreditation_conference_form", p)
}

// editConferenceForm shows a conference's fields to change.
func (ui *UI) editConferenceForm(c echo.Context) error {
	if err := requireSecretariat(c); err != nil {
		return err
	}
	conf, err := ui.accreditation.GetConference(c.Request().Context(), actorOf(c), c.Param("id"))
	if err != nil {
		return err
	}
	p := ui.newPage(c, "conference.edit_title")
	fillConferenceForm(p.Form, conf)
	p.Data = conferenceFormData{Conf: conf, Action: "/conferences/" + conf.ID + "/edit", Version: conf.Version}
	return ui.render(c, http.StatusOK, "accreditation_conference_form", p)
}

// updateConference saves the changes, at the version the form was read
// at: of two people editing at once, the second is told to reload.
func (ui *UI) updateConference(c echo.Context) error {
	if err := requireSecretariat(c); err != nil {
		return err
	}
	ctx := c.Request().Context()
	conf, err := ui.accreditation.GetConference(ctx, actorOf(c), c.Param("id"))
	if err != nil {
		return err
	}
	p := ui.newPage(c, "conference.edit_title")
	in := readConferenceForm(c, p, true)
	in.Version = formVersion(c.FormValue("version"))
	status := http.StatusUnprocessableEntity
	if !p.Form.HasErrors() {
		saved, err := ui.accreditation.UpdateConference(ctx, actorOf(c), conf.ID, in)
		if err == nil {
			return redirect(c, "/conferences/"+saved.Code+"?notice=acc_conference_saved")
		}
		if !p.Form.showAccreditationErrors(err, prefixed("conf_"), conferenceFields...) {
			return err
		}
		status = statusOf(err)
	}
	p.Data = conferenceFormData{Conf: conf, Action: "/conferences/" + conf.ID + "/edit", Version: in.Version}
	return ui.render(c, status, "accreditation_conference_form", p)
}

// readConferenceForm reads the form into the service's input, keeping
// what was typed. Dates left blank are required when editing, where the
// form came filled in: leaving one out would otherwise keep it silently.
func readConferenceForm(c echo.Context, p *Page, editing bool) accreditation.ConferenceInput {
	f := p.Form
	f.Keep(c, conferenceFields...)
	text := func(name string) *string { v := c.FormValue(name); return &v }
	named := c.FormValue("conf_name_objecting_states") == "on"
	in := accreditation.ConferenceInput{
		Code: text("conf_code"), Title: text("conf_title"), TitleAR: text("conf_title_ar"),
		TitleFR: text("conf_title_fr"), TitleES: text("conf_title_es"), Venue: text("conf_venue"),
		StartsOn:              formDate(f, "conf_starts_on", c.FormValue("conf_starts_on")),
		EndsOn:                formDate(f, "conf_ends_on", c.FormValue("conf_ends_on")),
		AccreditationOpensAt:  formInstant(f, "conf_accreditation_opens_at", c.FormValue("conf_accreditation_opens_at")),
		AccreditationClosesAt: formInstant(f, "conf_accreditation_closes_at", c.FormValue("conf_accreditation_closes_at")),
		NominationCutoffAt:    formInstant(f, "conf_nomination_cutoff_at", c.FormValue("conf_nomination_cutoff_at")),
		MaxDelegates:          formInt(f, "conf_max_delegates", c.FormValue("conf_max_delegates")),
		ObjectionPeriodDays:   formInt(f, "conf_objection_period_days", c.FormValue("conf_objection_period_days")),
		NameObjectingStates:   &named,
	}
	if editing {
		for _, name := range []string{"conf_starts_on", "conf_ends_on", "conf_accreditation_opens_at",
			"conf_accreditation_closes_at", "conf_nomination_cutoff_at", "conf_max_delegates", "conf_objection_period_days"} {
			if f.values[name] == "" {
				f.Fail(name, "err.required")
			}
		}
	}
	return in
}

// fillConferenceForm puts a conference's fields in the form's inputs.
func fillConferenceForm(f *Form, cf *accreditation.Conference) {
	for name, v := range map[string]string{
		"conf_code": cf.Code, "conf_title": cf.Title, "conf_title_ar": cf.TitleAR, "conf_title_fr": cf.TitleFR,
		"conf_title_es": cf.TitleES, "conf_venue": cf.Venue,
		"conf_starts_on": cf.StartsOn.String(), "conf_ends_on": cf.EndsOn.String(),
		"conf_accreditation_opens_at":  instantValue(cf.AccreditationOpensAt),
		"conf_accreditation_closes_at": instantValue(cf.AccreditationClosesAt),
		"conf_nomination_cutoff_at":    instantValue(cf.NominationCutoffAt),
		"conf_max_delegates":           strconv.Itoa(cf.MaxDelegates),
		"conf_objection_period_days":   strconv.Itoa(cf.ObjectionPeriodDays),
	} {
		f.Set(name, v)
	}
	if cf.NameObjectingStates {
		f.Set("conf_name_objecting_states", "on")
	}
}
