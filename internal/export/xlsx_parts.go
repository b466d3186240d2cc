package export

import (
	"fmt"
	"strings"
)

// The workbook's fixed parts (ECMA-376 Part 1, SpreadsheetML), the least a
// spreadsheet program needs: the content types, the package and workbook
// relationships, the workbook with its sheet names, and the styles, of
// which the cell formats are 0, the default, and 1, bold (the header).
const (
	xlsxStyleHeader = 1

	xlsxNS      = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	xlsxRelNS   = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	xlsxPkgRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
		`</Relationships>`
	xlsxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<styleSheet ` + xlsxNS + `>` +
		`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
		`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
		`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
		`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
		`</styleSheet>`
)

type xlsxPart struct{ name, body string }

// xlsxParts are the parts that precede the worksheets, for sheets named
// names (valid already: see sheetNames).
func xlsxParts(names []string) []xlsxPart {
	var types, sheets, rels strings.Builder
	types.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`)
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, name := range names {
		n := i + 1
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, xmlText(name), n, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, n, n)
	}
	types.WriteString(`</Types>`)
	fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, len(names)+1)
	rels.WriteString(`</Relationships>`)
	workbook := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<workbook ` + xlsxNS + ` ` + xlsxRelNS + `><bookViews><workbookView activeTab="0"/></bookViews>` +
		`<sheets>` + sheets.String() + `</sheets></workbook>`
	return []xlsxPart{
		{"[Content_Types].xml", types.String()},
		{"_rels/.rels", xlsxPkgRels},
		{"xl/workbook.xml", workbook},
		{"xl/_rels/workbook.xml.rels", rels.String()},
		{"xl/styles.xml", xlsxStyles},
	}
}

// xmlText escapes s for XML text or an attribute value. Characters XML 1.0
// does not allow (most control characters) become U+FFFD, so that one odd
// cell never makes the whole workbook unreadable.
func xmlText(s string) string {
	var b strings.Builder
	appendXMLText(&b, s)
	return b.String()
}
