package webui

import (
	"html/template"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/report"
)

type dashboardData struct {
	Generated      time.Time
	Members        string
	Targets        []targetView
	RegionChart    template.HTML
	StateChart     template.HTML
	States         []option
	Regions        []regionRow
	StateTotals    []string
	Total          string
	TotalCount     int
	Decided        int
	Median         string
	Conferences    []conferenceBlock
	RegionOptions  []option
	DelegateStates []option
	RequestStates  []option
	MemberStates   []option
	MemberFiles    []option
	ExportLists    []exportList
}

// option is a value and its label: a select's option, a column, a button.
type option struct{ Value, Label string }

type targetView struct {
	Label, Definition, Progress string
	Bar                         template.HTML
}

type regionRow struct {
	Name, Total string
	Cells       []string
}

type conferenceBlock struct {
	ID, Code, Title string
	Requests        string
	Outcomes        []option
	Objections      []option
	Chart           template.HTML
}

// exportList is one list of a conference with a button per format.
type exportList struct {
	Label string
	Files []option
}

// dashboard is the secretariat's dashboard: the coalition's targets,
// applications by region and state, time to decision, and per conference
// the accreditation outcomes and objections, with the buttons that export
// each list.
func (ui *UI) dashboard(c echo.Context) error {
	ctx := c.Request().Context()
	p := ui.newPage(c, "dashboard.title")
	d, err := ui.reports.Dashboard(ctx, actorOf(c), p.Locale)
	if err != nil {
		return err
	}
	regions, err := country.Regions(ctx, ui.db)
	if err != nil {
		return err
	}
	rtl := p.Dir == "rtl"
	num := func(n int) string { return p.Number(n) }
	data := dashboardData{
		Generated: d.GeneratedAt, Members: num(d.Targets.MemberOrganizations), Total: num(d.Applications.Total),
		TotalCount: d.Applications.Total,
		Decided:    d.TimeToDecision.Decided,
	}
	for _, t := range []struct {
		key    string
		target report.Target
	}{
		{"countries_with_member", d.Targets.CountriesWithMember},
		{"countries_in_network", d.Targets.CountriesInNetwork},
	} {
		label := p.T("dashboard.target_" + t.key)
		progress := p.T("dashboard.progress", "count", num(t.target.Count), "target", num(t.target.Target),
			"percent", num(int(t.target.Percent)))
		data.Targets = append(data.Targets, targetView{
			Label: label, Definition: p.T("dashboard.target_" + t.key + "_def"), Progress: progress,
			Bar: progressSVG(label+": "+progress, t.target.Percent, rtl),
		})
	}

	// Applications: a column per state that occurs, a row per region.
	var regionBars, stateBars []chartBar
	for _, s := range d.Applications.States {
		if n := d.Applications.ByState[s]; n > 0 {
			data.States = append(data.States, option{s, p.T("state." + s)})
			data.StateTotals = append(data.StateTotals, num(n))
			stateBars = append(stateBars, chartBar{p.T("state." + s), n, num(n)})
		}
	}
	for _, r := range d.Applications.ByRegion {
		row := regionRow{Name: r.Name, Total: num(r.Total)}
		for _, s := range data.States {
			row.Cells = append(row.Cells, num(r.ByState[s.Value]))
		}
		data.Regions = append(data.Regions, row)
		regionBars = append(regionBars, chartBar{r.Name, r.Total, num(r.Total)})
	}
	data.RegionChart = barChartSVG("chart-regions", p.T("dashboard.chart_regions"), p.T("dashboard.chart_regions_desc"), regionBars, rtl)
	if len(stateBars) > 0 {
		data.StateChart = barChartSVG("chart-states", p.T("dashboard.chart_states"), p.T("dashboard.chart_states_desc"), stateBars, rtl)
	}
	if m := d.TimeToDecision.MedianDays; m != nil {
		data.Median = p.T("dashboard.median_value", "days", strconv.FormatFloat(*m, 'f', 1, 64))
	}

	for _, cf := range d.Conferences {
		o := cf.Outcomes
		outcomes := []option{
			{num(o.Accredited), p.T("accreditation.state_accredited")},
			{num(o.Pending), p.T("dashboard.outcome_pending")},
			{num(o.Denied), p.T("accreditation.state_denied")},
			{num(o.Ineligible), p.T("accreditation.state_ineligible")},
			{num(o.Withdrawn), p.T("accreditation.state_withdrawn")},
			{num(o.Revoked), p.T("accreditation.state_revoked")},
		}
		var bars []chartBar
		for _, v := range []struct {
			n     int
			label string
		}{{o.Accredited, outcomes[0].Label}, {o.Pending, outcomes[1].Label}, {o.Denied, outcomes[2].Label},
			{o.Ineligible, outcomes[3].Label}, {o.Withdrawn, outcomes[4].Label}, {o.Revoked, outcomes[5].Label}} {
			bars = append(bars, chartBar{v.label, v.n, num(v.n)})
		}
		ob := cf.Objections
		data.Conferences = append(data.Conferences, conferenceBlock{
			ID: cf.ID, Code: cf.Code, Title: cf.Title, Requests: num(cf.Requests), Outcomes: outcomes,
			Objections: []option{
				{num(ob.Total), p.T("dashboard.objections_total")},
				{num(ob.Live), p.T("objections.state_live")},
				{num(ob.Withdrawn), p.T("objections.state_withdrawn")},
				{num(ob.Sustained), p.T("objections.state_sustained")},
				{num(ob.Overruled), p.T("objections.state_overruled")},
				{num(ob.Requests), p.T("dashboard.objections_requests")},
				{num(ob.States), p.T("dashboard.objections_states")},
			},
			Chart: barChartSVG("chart-"+cf.ID, p.T("dashboard.chart_outcomes", "code", cf.Code),
				p.T("dashboard.chart_outcomes_desc"), bars, rtl),
		})
	}
	for _, r := range regions {
		data.RegionOptions = append(data.RegionOptions, option{r.Code, r.Name(p.Locale)})
	}
	for _, s := range report.FilterStates(report.ListParticipants) {
		data.DelegateStates = append(data.DelegateStates, option{s, p.T("delegates.state_" + s)})
	}
	for _, s := range report.FilterStates(report.ListCirculation) {
		data.RequestStates = append(data.RequestStates, option{s, p.T("accreditation.state_" + s)})
	}
	for _, s := range report.FilterStates(report.ListMembers) {
		data.MemberStates = append(data.MemberStates, option{s, p.T("state." + s)})
	}
	for _, l := range report.ConferenceLists {
		el := exportList{Label: p.T("dashboard.list_" + l)}
		for _, f := range report.ConferenceFormats {
			el.Files = append(el.Files, option{l + "." + f, p.T("dashboard.format_" + f)})
		}
		data.ExportLists = append(data.ExportLists, el)
	}
	for _, f := range report.MemberFormats {
		data.MemberFiles = append(data.MemberFiles, option{report.ListMembers + "." + f, p.T("dashboard.format_" + f)})
	}
	p.Data = data
	return ui.render(c, http.StatusOK, "dashboard", p)
}
