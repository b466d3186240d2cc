package report_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/synthetic"
)

// TestExportFailingMidwayAbortsTheDownload: when the database connection
// dies after the first rows went out, the client sees a broken download
// (the connection aborted), not a file that ends as if complete.
//
// The connection is broken by a proxy after a fixed number of the
// database's bytes, a fraction of the export's 30,000 rows, so it always
// breaks in the middle of the answer. Killing the backend once the download
// has begun would race with the backend, which may have sent its whole
// answer into the sockets' buffers by then; the export is then complete,
// and rightly ends cleanly.
func TestExportFailingMidwayAbortsTheDownload(t *testing.T) {
	db, proxy := storetest.PostgresBehindProxy(t)
	e := newEnv(t, db)
	ctx := context.Background()
	if _, err := synthetic.Seed(ctx, db, synthetic.Options{Organizations: 10000, Conference: "BIG"}); err != nil {
		t.Fatal(err)
	}
	sec := e.person(accord.RoleSecretariat, "", "")
	// A request's other statements carry a few kilobytes; the export's
	// rows, over three megabytes.
	const cut = 1 << 20
	proxy.CutAfter(cut)
	req, _ := http.NewRequest(http.MethodGet, e.API+"/conferences/BIG/exports/participants.csv", nil)
	req.Header.Set("Authorization", "Bearer "+sec.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, want the download to have begun", resp.StatusCode)
	}
	got, err := io.ReadAll(resp.Body)
	if err == nil {
		t.Fatalf("the download ended cleanly after %d bytes although the database connection broke half way", len(got))
	}
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Logf("read error: %v", err)
	}
	if len(got) == 0 {
		t.Fatal("the download broke before its first byte")
	}
}
