package webui

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/httpreply"
	"github.com/accord-coalition/accord/internal/memberimport"
)

// importPreviewRows is how many rows the preview table shows; the errors
// and duplicates lists above it are always complete.
const importPreviewRows = 200

// importForm is the upload page. Only the secretariat imports: anyone
// else is refused here already, as the service would refuse the upload.
func (ui *UI) importForm(c echo.Context) error {
	if err := ui.imports.MayImport(c.Request().Context(), actorOf(c)); err != nil {
		return err
	}
	return ui.showImportForm(c, http.StatusOK, ui.newPage(c, "import.title"))
}

func (ui *UI) showImportForm(c echo.Context, status int, p *Page) error {
	cols := make([]string, len(memberimport.Columns))
	for i, col := range memberimport.Columns {
		cols[i] = p.T("import.col_" + col)
	}
	p.Data = map[string]any{"Columns": p.List(cols), "File": importFileField(p)}
	return ui.render(c, status, "member_import_new", p)
}

func importFileField(p *Page) Field {
	f := p.Form.field("file", "file", "")
	f.Label = p.T("import.file")
	f.Hint = p.T("import.file_hint")
	describedBy(&f)
	return f
}

// uploadImport reads the posted file and previews it; every refusal the
// reader can act on is shown beside the file field, in their language.
func (ui *UI) uploadImport(c echo.Context) error {
	p := ui.newPage(c, "import.title")
	fh, err := c.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) {
		p.Form.Fail("file", "err.file_required")
		return ui.showImportForm(c, http.StatusUnprocessableEntity, p)
	}
	if err != nil {
		return &accord.Error{Kind: accord.KindBadRequest, Message: "the file could not be read", Err: err}
	}
	f, err := fh.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, memberimport.MaxFileBytes+1))
	if err != nil {
		return err
	}
	v, err := ui.imports.Preview(c.Request().Context(), actorOf(c), memberimport.Upload{Filename: fh.Filename, Data: data})
	if err == nil {
		return redirect(c, "/members/imports/"+v.ID)
	}
	switch accord.KindOf(err) {
	case accord.KindUnsupported:
		p.Form.Fail("file", "import.err_file_type")
	case accord.KindTooLarge:
		p.Form.Fail("file", "import.err_file_too_large")
	case accord.KindInvalid:
		var ae *accord.Error
		errors.As(err, &ae)
		var details []string
		for _, fe := range ae.Fields {
			details = append(details, fe.Message)
		}
		p.Form.Fail("file", "import.err_file_content", "detail", strings.Join(details, "; "))
	default:
		return err
	}
	return ui.showImportForm(c, statusOf(err), p)
}

func (ui *UI) importFile(c echo.Context) error {
	im, data, err := ui.imports.File(c.Request().Context(), actorOf(c), c.Param("id"))
	if err != nil {
		return err
	}
	return httpreply.Attachment(c, im.Filename, im.ContentType(), data)
}

func (ui *UI) importPage(c echo.Context) error {
	return ui.showImport(c, http.StatusOK, ui.newPage(c, "import.title"), c.Param("id"))
}

// importWorkflow is the hooks of the import's apply and discard forms:
// applying needs its box ticked, and a refusal is shown on the preview.
func (ui *UI) importWorkflow() webWorkflow {
	return webWorkflow{
		path: "/members/imports", title: "import.title",
		before: func(c echo.Context, id string, f *eventPost) error {
			if f.Event == memberimport.EventApply && !f.Confirmed {
				f.Page.Form.Fail("apply_confirm", "err.confirm_required")
			}
			return nil
		},
		refused: func(c echo.Context, id string, f *eventPost, err error) error {
			p := f.Page
			status := f.Status
			switch {
			case err == nil:
			case accord.KindOf(err) == accord.KindConflict:
				p = ui.newPage(c, "import.title")
				p.Form.FailGeneral("import.stale")
				status = http.StatusConflict
			case accord.KindOf(err) == accord.KindInvalid:
				p.Form.FailGeneral("import.refused_errors")
				status = http.StatusUnprocessableEntity
			default:
				return err
			}
			return ui.showImport(c, status, p, id)
		},
	}
}

// importRow is one row of the preview table.
type importRow struct {
	N         int
	Cells     []importCell
	Valid     bool
	Duplicate bool
}

type importCell struct{ Value, Error string }

type importError struct {
	Row             int
	Column, Message string
}

type importDuplicate struct {
	Row, SameAsRow int
	Name, Href     string
}

func (ui *UI) showImport(c echo.Context, status int, p *Page, id string) error {
	v, rows, err := ui.imports.GetWithRows(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	cellErrors := map[int]map[string]string{}
	errs := make([]importError, 0, len(v.Errors))
	for _, e := range v.Errors {
		msg := p.T("import.err_" + e.Code)
		if cellErrors[e.Row] == nil {
			cellErrors[e.Row] = map[string]string{}
		}
		cellErrors[e.Row][e.Field] = msg
		errs = append(errs, importError{Row: e.Row, Column: p.T("import.col_" + e.Field), Message: msg})
	}
	dupRows := map[int]bool{}
	dups := make([]importDuplicate, 0, len(v.Duplicates))
	for _, d := range v.Duplicates {
		dupRows[d.Row] = true
		item := importDuplicate{Row: d.Row, SameAsRow: d.SameAsRow, Name: d.Name}
		switch {
		case d.MembershipID != "":
			item.Href = "/memberships/" + d.MembershipID
		case d.OrganizationID != "":
			item.Href = "/directory?q=" + url.QueryEscape(d.Name)
		}
		dups = append(dups, item)
	}
	shown := rows
	if len(shown) > importPreviewRows {
		shown = shown[:importPreviewRows]
	}
	table := make([]importRow, len(shown))
	for i, r := range shown {
		values := map[string]string{
			memberimport.ColName: r.Name, memberimport.ColNameEN: r.NameEN, memberimport.ColAcronym: r.Acronym,
			memberimport.ColCountry: r.CountryAsWritten, memberimport.ColCity: r.City,
			memberimport.ColRegistrationNumber: r.RegistrationNumber, memberimport.ColEmail: r.Email,
			memberimport.ColWebsite: r.Website, memberimport.ColMemberSince: r.MemberSince,
		}
		row := importRow{N: r.N, Valid: r.Valid, Duplicate: dupRows[r.N]}
		for _, col := range v.Columns {
			row.Cells = append(row.Cells, importCell{Value: values[col], Error: cellErrors[r.N][col]})
		}
		table[i] = row
	}
	headers := make([]string, len(v.Columns))
	for i, col := range v.Columns {
		headers[i] = p.T("import.col_" + col)
	}
	var actions []memberAction
	for _, ev := range v.AllowedEvents {
		a := memberAction{
			Event: ev, Action: "/members/imports/" + v.ID + "/transitions", Version: v.Version, CSRF: p.CSRF,
			Button: p.T("import.action_" + ev), Secondary: ev == memberimport.EventDiscard,
		}
		if ev == memberimport.EventApply {
			f := p.Checkbox("apply_confirm")
			f.Name, f.Label = "confirm", p.T("import.apply_confirm", "count", p.Number(v.ValidCount))
			a.Confirm = &f
			a.Intro = p.T("import.apply_intro")
		}
		actions = append(actions, a)
	}
	p.Data = map[string]any{
		"Import": v, "StateLabel": p.T("import.state_" + v.State), "Headers": headers, "Rows": table,
		"More": len(rows) - len(shown), "Errors": errs, "Duplicates": dups, "Actions": actions,
		"FileURL": "/members/imports/" + v.ID + "/file",
		"Ignored": p.List(v.Ignored),
	}
	return ui.render(c, status, "member_import", p)
}
