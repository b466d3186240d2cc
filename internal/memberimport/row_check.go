package memberimport

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/namekey"
	"github.com/accord-coalition/accord/internal/store"
)

// Error codes of a row's cells; pages say each in the reader's language.
const (
	CodeRequired       = "required"
	CodeUnknownCountry = "unknown_country"
	CodeInvalidEmail   = "invalid_email"
	CodeInvalidWebsite = "invalid_website"
	CodeInvalidDate    = "invalid_date"
	CodeFutureDate     = "future_date"
	CodeTooLong        = "too_long"
	CodeInvalid        = "invalid"
)

// countries finds a country by its ISO code or by its name in any of the
// four languages.
type countries struct {
	byKey map[string]string // namekey of a name, or the code → code
}

func loadCountries(ctx context.Context, db *store.DB) (*countries, error) {
	list, err := country.List(ctx, db)
	if err != nil {
		return nil, err
	}
	c := &countries{byKey: map[string]string{}}
	for _, k := range list {
		c.byKey[strings.ToLower(k.Code)] = k.Code
		for _, n := range []string{k.NameEN, k.NameFR, k.NameES, k.NameAR} {
			if key := namekey.Of(n); key != "" {
				c.byKey[key] = k.Code
			}
		}
	}
	return c, nil
}

func (c *countries) find(s string) (string, bool) {
	code, ok := c.byKey[namekey.Of(s)]
	return code, ok
}

// checkRows reads every data row into a Row and lists the problems of its
// cells. A row is valid when it has none.
func checkRows(sh *sheet, l layout, cs *countries, now time.Time) ([]Row, []RowError) {
	rows := make([]Row, 0, len(sh.Rows))
	var errs []RowError
	for _, sr := range sh.Rows {
		r, rowErrs := checkRow(sr, sh.Serial, l, cs, now)
		rows = append(rows, r)
		errs = append(errs, rowErrs...)
	}
	return rows, errs
}

func checkRow(sr sheetRow, serial bool, l layout, cs *countries, now time.Time) (Row, []RowError) {
	var errs []RowError
	add := func(field, code, message string) {
		errs = append(errs, RowError{Row: sr.N, Field: field, Code: code, Message: message})
	}
	in := membership.OrganizationInput{
		Name: l.cell(sr.Cells, ColName), NameEN: l.cell(sr.Cells, ColNameEN), Acronym: l.cell(sr.Cells, ColAcronym),
		City: l.cell(sr.Cells, ColCity), RegistrationNumber: l.cell(sr.Cells, ColRegistrationNumber),
		Email: l.cell(sr.Cells, ColEmail), Website: websiteOf(l.cell(sr.Cells, ColWebsite)),
	}
	written := l.cell(sr.Cells, ColCountry)
	code, known := cs.find(written)
	switch {
	case written == "":
		add(ColCountry, CodeRequired, "required")
	case !known:
		add(ColCountry, CodeUnknownCountry, fmt.Sprintf("not a country we know: %q (an ISO code such as EG, or its name)", written))
	default:
		in.Country = code
	}
	o, fields := membership.CheckImportedProfile(in, now)
	for _, f := range fields {
		if f.Field == "country" {
			continue // said above, in the spreadsheet's terms
		}
		add(f.Field, codeOf(f.Field, f.Message), f.Message)
	}
	since := ""
	if s := l.cell(sr.Cells, ColMemberSince); s != "" {
		d, ok := parseDate(s, serial)
		switch {
		case !ok:
			add(ColMemberSince, CodeInvalidDate, fmt.Sprintf("not a date: %q (write 2015-03-01, 01/03/2015 or 2015)", s))
		case d.After(now):
			add(ColMemberSince, CodeFutureDate, "a date in the future")
		default:
			since = d.Format(time.DateOnly)
		}
	}
	return Row{
		N: sr.N, Name: o.Name, NameEN: o.NameEN, Acronym: o.Acronym, Country: in.Country, CountryAsWritten: written,
		City: o.City, RegistrationNumber: o.RegistrationNumber, Email: o.Email, Website: o.Website,
		MemberSince: since, Valid: len(errs) == 0,
	}, errs
}

// codeOf names a profile check's message for pages.
func codeOf(field, message string) string {
	switch {
	case message == "required":
		return CodeRequired
	case strings.HasPrefix(message, "at most"):
		return CodeTooLong
	case field == "email":
		return CodeInvalidEmail
	case field == "website":
		return CodeInvalidWebsite
	}
	return CodeInvalid
}

// websiteOf adds https:// to an address written without a scheme, as
// spreadsheets usually hold them ("www.example.org").
func websiteOf(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.Contains(s, "://") {
		return s
	}
	return "https://" + s
}

// parseDate reads the dates people write in a member list: ISO dates,
// day/month/year (as Arabic, French and Spanish write them), a bare year,
// and, from XLSX, the spreadsheet's day numbers.
func parseDate(s string, serial bool) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, "02/01/2006", "2/1/2006", "02-01-2006", "02.01.2006", "2006/01/02", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	if len(s) == 4 {
		if y, err := strconv.Atoi(s); err == nil && y >= 1800 {
			return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), true
		}
	}
	if serial {
		if n, err := strconv.ParseFloat(s, 64); err == nil && n > 1 && n < 2958466 {
			if t, err := excelize.ExcelDateToTime(n, false); err == nil {
				return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
			}
		}
	}
	return time.Time{}, false
}
