package httpreply_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/httpreply"
)

func TestEveryKindHasAStatus(t *testing.T) {
	for k := accord.KindInternal; k <= accord.KindRateLimited; k++ {
		s, ok := httpreply.Status(k)
		if (k == accord.KindInternal) == ok || s == 0 {
			t.Errorf("kind %d: status %d, %v", k, s, ok)
		}
	}
	if httpreply.Kinds() != int(accord.KindRateLimited)+1 {
		t.Errorf("%d kinds mapped", httpreply.Kinds())
	}
	if s, ok := httpreply.Status(accord.Kind(99)); ok || s != http.StatusInternalServerError {
		t.Errorf("unknown kind: %d, %v", s, ok)
	}
	if s := httpreply.StatusOf(accord.NotFound("x")); s != http.StatusNotFound {
		t.Errorf("not found: %d", s)
	}
	if s := httpreply.StatusOf(errors.New("boom")); s != http.StatusInternalServerError {
		t.Errorf("plain error: %d", s)
	}
}

func TestDispositionKeepsTheExactName(t *testing.T) {
	for _, name := range []string{"CoSP11-participants-2026-03-02.csv", `النظام الأساسي "2024".pdf`,
		"Statuts de l'ONG (révisés).pdf", `back\slash.txt`} {
		d := httpreply.Disposition(name)
		disp, params, err := mime.ParseMediaType(d)
		if err != nil || disp != "attachment" || params["filename"] != name {
			t.Errorf("%q: %q parses as %s %v (%v)", name, d, disp, params, err)
		}
	}
	if d := httpreply.Disposition(""); d != "attachment" {
		t.Errorf("no name: %q", d)
	}
}

func TestAttachmentHeaders(t *testing.T) {
	rec := serve(t, func(c echo.Context) error {
		return httpreply.Attachment(c, "رسالة.pdf", "application/pdf", []byte("%PDF-1.7"))
	})
	h := rec.Header()
	if rec.Code != http.StatusOK || rec.Body.String() != "%PDF-1.7" || h.Get("Content-Type") != "application/pdf" ||
		h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Cache-Control") != "private, no-store" ||
		h.Get("Content-Length") != "8" {
		t.Fatalf("%d %q %v", rec.Code, rec.Body.String(), h)
	}
	if _, params, _ := mime.ParseMediaType(h.Get("Content-Disposition")); params["filename"] != "رسالة.pdf" {
		t.Errorf("Content-Disposition %q", h.Get("Content-Disposition"))
	}
}

// fakeExport writes head, then fails with err if it is set.
type fakeExport struct {
	head string
	err  error
}

func (f fakeExport) ContentType() string { return "text/csv; charset=utf-8" }
func (f fakeExport) Filename() string    { return "CoSP11-accredited.csv" }
func (f fakeExport) Rows() int           { return 1 }
func (f fakeExport) Write(_ context.Context, w io.Writer) error {
	if f.head != "" {
		if _, err := io.WriteString(w, f.head); err != nil {
			return err
		}
	}
	return f.err
}

func TestStreamExport(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	t.Run("whole", func(t *testing.T) {
		rec := serve(t, func(c echo.Context) error { return httpreply.StreamExport(c, fakeExport{head: "a,b\n"}, log) })
		if rec.Body.String() != "a,b\n" || rec.Header().Get("Content-Type") != "text/csv; charset=utf-8" ||
			rec.Header().Get("Content-Disposition") != `attachment; filename="CoSP11-accredited.csv"` {
			t.Fatalf("%q %v", rec.Body.String(), rec.Header())
		}
	})
	t.Run("error before the first byte", func(t *testing.T) {
		refused := accord.Forbidden("no")
		var got error
		serve(t, func(c echo.Context) error {
			got = httpreply.StreamExport(c, fakeExport{err: refused}, log)
			if c.Response().Header().Get("Content-Disposition") != "" {
				t.Error("an error answer kept the attachment header")
			}
			return nil
		})
		if !errors.Is(got, refused) {
			t.Fatalf("error = %v", got)
		}
	})
	t.Run("error after the first byte aborts", func(t *testing.T) {
		defer func() {
			if r := recover(); r != http.ErrAbortHandler {
				t.Fatalf("recovered %v, want http.ErrAbortHandler", r)
			}
		}()
		serve(t, func(c echo.Context) error {
			return httpreply.StreamExport(c, fakeExport{head: "a,b\n", err: errors.New("disk")}, log)
		})
		t.Fatal("a failed stream returned")
	})
}

func serve(t *testing.T, h echo.HandlerFunc) *httptest.ResponseRecorder {
	t.Helper()
	e := echo.New()
	rec := httptest.NewRecorder()
	c := e.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), rec)
	if err := h(c); err != nil {
		t.Fatal(err)
	}
	return rec
}
