package report_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/synthetic"
)

// TestExportFailingMidwayAbortsTheDownload: when the database connection
// dies after the first rows went out, the client sees a broken download
// (the connection aborted), not a file that ends as if complete.
func TestExportFailingMidwayAbortsTheDownload(t *testing.T) {
	db := storetest.Postgres(t)
	e := newEnv(t, db)
	ctx := context.Background()
	if _, err := synthetic.Seed(ctx, db, synthetic.Options{Organizations: 10000, Conference: "BIG"}); err != nil {
		t.Fatal(err)
	}
	sec := e.person(accord.RoleSecretariat, "", "")
	req, _ := http.NewRequest(http.MethodGet, e.api+"/conferences/BIG/exports/participants.csv", nil)
	req.Header.Set("Authorization", "Bearer "+sec.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	// Read a little, so the server is mid-list and waiting on us.
	if _, err := io.ReadFull(resp.Body, make([]byte, 4096)); err != nil {
		t.Fatal(err)
	}
	var killed int
	for range 50 {
		err := db.WithContext(ctx).Raw(`SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity
			WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'SELECT d.family_name%'`).
			Scan(&killed).Error
		if err != nil {
			t.Fatal(err)
		}
		if killed > 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if killed == 0 {
		t.Fatal("the export's query was not found running")
	}
	_, err = io.ReadAll(resp.Body)
	if err == nil {
		t.Fatal("the download ended cleanly although the export failed half way")
	}
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Logf("read error: %v", err)
	}
}
