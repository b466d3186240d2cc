package webui

import (
	"fmt"
	"html"
	"html/template"
	"strings"
)

// chartBar is one bar of a bar chart: its label, its value and the value
// as the page's language writes numbers.
type chartBar struct {
	Label string
	Value int
	Text  string
}

// Bar chart geometry, in the SVG's own units; the chart scales to the
// width of the page.
const (
	chartWidth   = 640.0
	chartLabelW  = 210.0
	chartValueW  = 60.0
	chartRowH    = 30.0
	chartBarH    = 18.0
	chartPadding = 8.0
	chartColour  = "#0b4f8a" // the stylesheet's --brand
	chartTrack   = "#f4f6f8" // --surface
	chartText    = "#1b1b1b" // --text
)

// barChartSVG draws a horizontal bar chart on the server: no script, and
// it prints. Labels sit at the reader's start side and bars grow towards
// the end side — from the right in Arabic. The chart is an image to
// assistive technology, named by title and described by desc; each bar
// carries its own title too, and the page shows the same figures in a
// table beside it.
func barChartSVG(id, title, desc string, bars []chartBar, rtl bool) template.HTML {
	maxValue := 0
	for _, b := range bars {
		maxValue = max(maxValue, b.Value)
	}
	height := float64(len(bars))*chartRowH + 2*chartPadding
	area := chartWidth - chartLabelW - chartValueW
	var s strings.Builder
	// direction="ltr" pins text-anchor to the left and right of the
	// drawing whatever the page's direction; the text itself still runs
	// in its own direction.
	fmt.Fprintf(&s, `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g" width="%g" height="%g" role="img" aria-labelledby="%s-title %s-desc" direction="ltr" font-size="14">`,
		chartWidth, height, chartWidth, height, id, id)
	fmt.Fprintf(&s, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, id, esc(title), id, esc(desc))
	for i, b := range bars {
		y := chartPadding + float64(i)*chartRowH
		length := 0.0
		if maxValue > 0 {
			length = area * float64(b.Value) / float64(maxValue)
		}
		textY := y + chartBarH/2 + 5
		var labelX, barX, valueX float64
		labelAnchor, valueAnchor := "end", "start"
		if rtl {
			labelX = chartWidth - chartPadding
			barX = chartWidth - chartLabelW - length
			valueX = barX - 6
			valueAnchor = "end"
		} else {
			labelX = chartLabelW - chartPadding
			barX = chartLabelW
			valueX = barX + length + 6
		}
		fmt.Fprintf(&s, `<g><title>%s: %s</title>`, esc(b.Label), esc(b.Text))
		fmt.Fprintf(&s, `<text x="%g" y="%g" text-anchor="%s" fill="%s">%s</text>`, labelX, textY, labelAnchor, chartText, esc(b.Label))
		fmt.Fprintf(&s, `<rect x="%.1f" y="%g" width="%.1f" height="%g" fill="%s"/>`, barX, y, length, chartBarH, chartColour)
		fmt.Fprintf(&s, `<text x="%.1f" y="%g" text-anchor="%s" fill="%s">%s</text></g>`, valueX, textY, valueAnchor, chartText, esc(b.Text))
	}
	s.WriteString(`</svg>`)
	return template.HTML(s.String()) //nolint:gosec // every text above is escaped
}

// progressSVG draws a progress bar towards a target, filling from the
// start side (the right in Arabic), labelled for assistive technology.
func progressSVG(label string, percent float64, rtl bool) template.HTML {
	const w, h = 400.0, 20.0
	fill := w * min(max(percent, 0), 100) / 100
	x := 0.0
	if rtl {
		x = w - fill
	}
	return template.HTML(fmt.Sprintf( //nolint:gosec // the label is escaped
		`<svg class="progress" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g" width="%g" height="%g" role="img" aria-label="%s">`+
			`<rect x="0" y="0" width="%g" height="%g" fill="%s" stroke="%s"/><rect x="%.1f" y="0" width="%.1f" height="%g" fill="%s"/></svg>`,
		w, h, w, h, esc(label), w, h, chartTrack, chartColour, x, fill, h, chartColour))
}

func esc(s string) string { return html.EscapeString(s) }
