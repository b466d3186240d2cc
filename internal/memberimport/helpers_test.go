package memberimport_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"github.com/accord-coalition/accord/internal/apitest"
	"github.com/accord-coalition/accord/internal/memberimport"
	"github.com/accord-coalition/accord/internal/testenv"
)

// upload posts data as the multipart field file, as a client does.
func upload(e *testenv.Env, u *testenv.User, filename string, data []byte) apitest.Response {
	e.T.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", filename)
	if err != nil {
		e.T.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	return e.Call(u, http.MethodPost, "/members/imports", buf.Bytes(), "Content-Type", mw.FormDataContentType())
}

// preview uploads data and decodes the 201 answer.
func preview(t *testing.T, e *testenv.Env, u *testenv.User, filename string, data []byte) memberimport.View {
	t.Helper()
	var v memberimport.View
	upload(e, u, filename, data).Want(t, http.StatusCreated).Decode(t, &v)
	if v.State != memberimport.StatePreviewed || v.Version != 1 {
		t.Fatalf("upload answered state %q version %d, want previewed 1", v.State, v.Version)
	}
	return v
}

// apply fires apply on the import at the version given.
func apply(e *testenv.Env, u *testenv.User, v memberimport.View) apitest.Response {
	e.T.Helper()
	return e.Call(u, http.MethodPost, "/members/imports/"+v.ID+"/transitions",
		map[string]any{"event": "apply", "version": v.Version})
}

// csvText joins lines with CRLF, as spreadsheets write CSV.
func csvText(lines ...string) string {
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString(l)
		b.WriteString("\r\n")
	}
	return b.String()
}

func withBOM(s string) []byte { return append([]byte{0xEF, 0xBB, 0xBF}, s...) }

func cp1256(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1256.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode windows-1256: %v", err)
	}
	return b
}

// workbook writes rows into the first sheet of a new XLSX file; a
// cell that is a float64 is stored as a number.
func workbook(t *testing.T, rows ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func hasError(v memberimport.View, row int, field string) bool {
	for _, e := range v.Errors {
		if e.Row == row && e.Field == field {
			return true
		}
	}
	return false
}

func duplicateOf(v memberimport.View, row int) (memberimport.Duplicate, bool) {
	for _, d := range v.Duplicates {
		if d.Row == row {
			return d, true
		}
	}
	return memberimport.Duplicate{}, false
}
