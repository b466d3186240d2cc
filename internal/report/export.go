package report

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/export"
	"github.com/accord-coalition/accord/internal/i18n"
)

// Channels an export may be asked for through, as the audit records them.
const (
	ChannelAPI = "api"
	ChannelWeb = "web"
	ChannelCLI = "cli"
)

// ExportRequest asks for one list in one format.
type ExportRequest struct {
	// Conference is the conference's id or code; empty for the members.
	Conference string
	List       string
	Format     string
	// Locale is the language of the header row, titles and country
	// names; anything but ar, fr and es is English.
	Locale  string
	Filter  Filter
	Channel string
	// Operator names who ran the command line, for the audit: there is no
	// signed-in user there.
	Operator string
}

// Export is an export that has been checked and may be streamed. Nothing
// of the list has been read yet, so an error before Write is still a
// clean error answer.
type Export struct {
	s        *Service
	actor    accord.Actor
	list     *list
	format   string
	locale   string
	filter   Filter
	channel  string
	operator string
	conf     *accreditation.Conference
	at       time.Time
	rows     int
	badges   map[string]*accreditation.Badge // badges.pdf: each delegate's token and short code
}

// ParseExportFile splits an export's file name, such as
// "participants.csv", into list and format.
func ParseExportFile(file string) (listName, format string, ok bool) {
	listName, format, ok = strings.Cut(file, ".")
	return listName, format, ok && listName != "" && format != ""
}

// PrepareExport checks that actor may export, that the list exists in
// that format, and the filter; and finds the conference. Only the
// secretariat exports: anyone else gets Forbidden whatever they asked for.
func (s *Service) PrepareExport(ctx context.Context, actor accord.Actor, req ExportRequest) (*Export, error) {
	l := lists[req.List]
	if err := s.authz.Check(ctx, actor, KindExport, ActionExport, l); err != nil {
		return nil, err
	}
	if l == nil || !l.hasFormat(req.Format) {
		return nil, accord.NotFound("export")
	}
	if l.conference != (req.Conference != "") {
		return nil, accord.NotFound("export")
	}
	e := &Export{s: s, actor: actor, list: l, format: req.Format, locale: exportLocale(req.Locale),
		filter: req.Filter.normalized(), channel: req.Channel, operator: req.Operator, at: s.now()}
	if err := e.filter.check(l); err != nil {
		return nil, err
	}
	if l.conference {
		conf, err := s.accr.GetConference(ctx, actor, req.Conference)
		if err != nil {
			return nil, err
		}
		e.conf = conf
	}
	return e, nil
}

// exportLocale is the locale an export is written in.
func exportLocale(locale string) string {
	if i18n.Supported(locale) {
		return locale
	}
	return "en"
}

// ContentType is the media type of the export.
func (e *Export) ContentType() string {
	switch e.format {
	case FormatXLSX:
		return export.XLSXContentType
	case FormatPDF:
		return export.PDFContentType
	}
	return export.CSVContentType
}

// Filename is a safe name to save the export under: the conference's code,
// the list, the filters and the day, such as
// "CoSP11-participants-MENA-2026-03-02.csv".
func (e *Export) Filename() string {
	parts := []string{}
	if e.conf != nil {
		parts = append(parts, e.conf.Code)
	}
	parts = append(parts, e.list.name, e.filter.Region, e.filter.Country, e.filter.State, e.at.Format(time.DateOnly))
	return safeFilename(parts, e.format)
}

// Rows is how many rows Write has written so far.
func (e *Export) Rows() int { return e.rows }

// Write streams the export to w from one consistent snapshot, audited
// first when the list carries personal data. An error after some bytes
// reached w leaves w holding a broken file: the caller must abort the
// response rather than append to it.
func (e *Export) Write(ctx context.Context, w io.Writer) error {
	names, err := e.codeNames(ctx)
	if err != nil {
		return err
	}
	confID := ""
	if e.conf != nil {
		confID = e.conf.ID
	}
	q := e.list.build(dialectOf(e.s.db), e.locale, confID, e.filter.states(e.list), e.filter)
	e.s.freshStatistics(ctx, q)
	tx, err := e.s.snapshot(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if e.list.personal {
		// Counted in the snapshot the rows come from, so the audit's
		// count is exactly what leaves; recorded before the first byte,
		// so that no personal data leaves unrecorded.
		var n int64
		if err := tx.Raw(q.countSQL(), q.args...).Scan(&n).Error; err != nil {
			return fmt.Errorf("export %s: count: %w", e.list.name, err)
		}
		if err := e.audit(ctx, int(n)); err != nil {
			return err
		}
	}
	sqlRows, err := tx.Raw(q.rowsSQL(), q.args...).Rows()
	if err != nil {
		return fmt.Errorf("export %s: query: %w", e.list.name, err)
	}
	defer sqlRows.Close()
	cursor, err := export.SQLRows(sqlRows)
	if err != nil {
		return err
	}
	// Deferred after the cursor's Close, so it runs before it: the reader
	// is done with the cursor when it is closed.
	read, stop := export.Prefetch(ctx, cursor)
	defer stop()
	rows := export.Rows(&countingRows{rows: read, n: &e.rows})
	if e.list.name == ListBadges {
		rows = e.badgeRows(rows)
	}
	rows = names.apply(rows)
	switch {
	case e.format == FormatCSV:
		err = export.WriteCSV(ctx, w, e.locale, e.list.sheet(e.locale, e.list.keys), rows)
	case e.format == FormatXLSX:
		err = export.WriteXLSX(ctx, w, e.locale, []export.SheetRows{{Sheet: e.list.sheet(e.locale, e.list.keys), Rows: rows}})
	case e.list.name == ListBadges:
		err = e.writeBadgeCards(ctx, w, rows)
	default:
		err = e.writeTablePDF(ctx, w, rows)
	}
	if err != nil {
		return fmt.Errorf("export %s.%s: %w", e.list.name, e.format, err)
	}
	return nil
}

// countingRows counts the rows read through it.
type countingRows struct {
	rows export.Rows
	n    *int
}

func (c *countingRows) Next(ctx context.Context) ([]string, error) {
	row, err := c.rows.Next(ctx)
	if err == nil {
		*c.n++
	} else if !errors.Is(err, io.EOF) {
		return nil, err
	}
	return row, err
}
