// Command rush is the load tool of bench/rush.sh (bench/README.md, "The
// rush"). Against one or more running `accord serve` processes on one
// database, it prepares and then runs one of two scenarios over HTTP:
//
//   - nominate: NGOS organisations nominate PER delegates each, all at once,
//     every organisation one nomination after the other (a person clicking
//     "add" as soon as the last one answered);
//   - checkin: four doors scan BADGES badges between them, each scan a
//     verification (GET /api/v1/verify/{token}) and a check-in (POST
//     /api/v1/checkins).
//
// It prints the throughput, the median and 99th percentile of the
// requests' latencies, and beside them the engine's raw-SQL ceiling for
// audited writes: CONCURRENCY connections taking a chain head's lock,
// inserting a row and moving the head, then committing, as every audited
// write does with its audit chain's head — the rate no write path of
// Accord can pass on that database — with one head, as before the log
// became several chains, and with as many heads as the log has.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/store"
)

func main() {
	var (
		scenario = flag.String("scenario", "nominate", "nominate or checkin")
		servers  = flag.String("servers", "http://127.0.0.1:8080", "comma-separated base URLs of the servers, used in turn")
		dbURL    = flag.String("db", "", "postgres:// URL of the servers' database; empty for SQLite at -sqlite")
		sqlite   = flag.String("sqlite", "", "the servers' SQLite file")
		accord   = flag.String("accord", "accord", "the accord binary, for creating users")
		ngos     = flag.Int("ngos", 20, "organisations nominating at once")
		per      = flag.Int("per", 50, "delegates each organisation nominates")
		badges   = flag.Int("badges", 1000, "badges scanned in the check-in burst")
		doors    = flag.Int("doors", 4, "doors scanning at once")
		rawOnly  = flag.Bool("raw-only", false, "only measure the raw-SQL ceiling")
	)
	flag.Parse()
	ctx := context.Background()
	db, err := store.Open(ctx, store.Options{URL: *dbURL, SQLitePath: *sqlite})
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	engine := string(db.Dialect)
	bases := strings.Split(*servers, ",")

	if !*rawOnly {
		env := &setup{db: db, accord: *accord, bases: bases}
		var res result
		switch *scenario {
		case "nominate":
			reqs, err := env.nominations(ctx, *ngos)
			if err != nil {
				log.Fatal(err)
			}
			res = runNominations(bases, reqs, *per)
			res.concurrency = *ngos
		case "checkin":
			tokens, err := env.badges(ctx, *badges)
			if err != nil {
				log.Fatal(err)
			}
			res = runCheckins(bases, env.secretariat, tokens, *doors)
			res.concurrency = *doors
		default:
			log.Fatalf("unknown scenario %q", *scenario)
		}
		res.print(os.Stdout, *scenario, engine, len(bases))
	}
	conc := *ngos
	if *scenario == "checkin" {
		conc = *doors
	}
	// The ceiling with one head is what every audited write met before the
	// log became audit.Chains chains; on SQLite it is the only one, since
	// its single writer makes more heads pointless.
	heads := []int{1}
	if db.IsPostgres() {
		heads = append(heads, audit.Chains)
	}
	for _, h := range heads {
		raw, err := rawCeiling(ctx, db, conc, h, 3*time.Second)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("raw SQL ceiling (%s, %d connections, %d heads, head lock + insert + head update + commit): %.0f writes/s = %.0f a minute, p50 %s, p99 %s\n",
			engine, conc, h, raw.perSecond, raw.perSecond*60, ms(raw.p50), ms(raw.p99))
	}
}
