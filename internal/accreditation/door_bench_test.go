package accreditation_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/testenv"
)

// BenchmarkCheckinBundle5000 builds the check-in bundle of a conference
// with 5,000 issued badges and reports its size, as sent and gzipped —
// what a door downloads before the doors open — on each engine.
func BenchmarkCheckinBundle5000(b *testing.B) {
	for name, open := range map[string]func(testing.TB) *store.DB{"sqlite": storetest.SQLite, "postgres": storetest.Postgres} {
		b.Run(name, func(b *testing.B) {
			if name == "postgres" && storetest.AdminURL() == "" {
				b.Skip("no PostgreSQL")
			}
			benchBundle(b, open(b), 5000)
		})
	}
}

func benchBundle(b *testing.B, db *store.DB, n int) {
	e := testenv.New(b, db)
	sec := e.Person(auth.CreateUserInput{Role: accord.RoleSecretariat})
	o := e.Organization(membership.Organization{Name: "Transparency International Secretariat", NameEN: "Transparency International Secretariat",
		Country: "DE", Region: "ECA", EcosocStatus: "general"})
	ngo := e.Attach(e.Person(auth.CreateUserInput{Role: accord.RoleApplicant}), o.ID)
	confID, reqID := e.AccreditedRequest(sec, ngo, o.ID)
	now := e.Clock.Now()

	// 5,000 delegates of typical name lengths, loaded directly: the
	// bundle reads them, it does not care how they came.
	const alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
	rows := make([]accreditation.Delegate, 0, n)
	for i := range n {
		code := make([]byte, 8)
		rand.Read(code)
		for j := range code {
			code[j] = alphabet[int(code[j])%len(alphabet)]
		}
		c := string(code)
		rows = append(rows, accreditation.Delegate{
			ID: uuid.NewString(), AccreditationRequestID: reqID, State: accreditation.DelegateBadgeIssued, Version: 1,
			GivenName: fmt.Sprintf("Given%05d", i), FamilyName: fmt.Sprintf("Family-Name%05d", i),
			Nationality: "DE", Email: fmt.Sprintf("d%d@ngo.example", i), BadgeCode: &c, CreatedAt: now, UpdatedAt: now,
		})
	}
	if err := db.WithContext(context.Background()).CreateInBatches(rows, 500).Error; err != nil {
		b.Fatal(err)
	}
	if db.IsPostgres() {
		db.WithContext(context.Background()).Exec("ANALYZE delegates")
	}
	var size, zipped int
	for b.Loop() {
		bundle, err := e.App.Accreditation.CheckinBundle(context.Background(), sec.Actor(), confID)
		if err != nil || len(bundle.Badges) != n {
			b.Fatalf("bundle of %d badges: %v", len(bundle.Badges), err)
		}
		body, _ := json.Marshal(bundle)
		var z bytes.Buffer
		w := gzip.NewWriter(&z)
		w.Write(body)
		w.Close()
		size, zipped = len(body), z.Len()
	}
	b.ReportMetric(float64(size), "bytes")
	b.ReportMetric(float64(zipped), "gzip-bytes")
}
