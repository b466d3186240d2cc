package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/accord-coalition/accord/internal/store"
)

// result is one scenario's outcome: every operation's latency, how many
// failed, and the wall time from the first request to the last answer.
type result struct {
	latencies   []time.Duration
	failures    int
	firstErr    error
	wall        time.Duration
	concurrency int
	unit        string
}

func (r *result) print(w io.Writer, scenario, engine string, servers int) {
	slices.Sort(r.latencies)
	ok := len(r.latencies) - r.failures
	rate := float64(ok) / r.wall.Seconds()
	fmt.Fprintf(w, "%s on %s, %d server(s), %d at once: %d %s in %.2f s = %.0f/s = %.0f a minute; p50 %s, p99 %s, max %s; %d failed\n",
		scenario, engine, servers, r.concurrency, ok, r.unit, r.wall.Seconds(), rate, rate*60,
		ms(percentile(r.latencies, 0.50)), ms(percentile(r.latencies, 0.99)), ms(r.latencies[len(r.latencies)-1]), r.failures)
	if r.firstErr != nil {
		fmt.Fprintf(w, "first failure: %v\n", r.firstErr)
	}
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p*float64(len(sorted))+0.5) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

// collector gathers latencies from many goroutines.
type collector struct {
	mu  sync.Mutex
	res result
}

func (c *collector) add(d time.Duration, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.res.latencies = append(c.res.latencies, d)
	if err != nil {
		c.res.failures++
		if c.res.firstErr == nil {
			c.res.firstErr = err
		}
	}
}

// race runs work in n goroutines released together, so that none gets a
// head start, and returns what c gathered with the wall time from the
// release to the last one done.
func (c *collector) race(n int, unit string, work func(worker int)) result {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			work(w)
		}()
	}
	t := time.Now()
	close(start)
	wg.Wait()
	c.res.wall = time.Since(t)
	c.res.unit = unit
	return c.res
}

// runNominations has every organisation nominate per delegates, one
// after the other, all organisations at once, spread over the servers.
func runNominations(bases []string, reqs []nominationRequest, per int) result {
	var c collector
	return c.race(len(reqs), "nominations", func(i int) {
		base, r := bases[i%len(bases)], reqs[i]
		for k := range per {
			body := map[string]any{"given_name": fmt.Sprintf("Given%d", k), "family_name": fmt.Sprintf("Family%d", i),
				"gender": "undisclosed", "nationality": "AT", "email": fmt.Sprintf("d%d.%d@ngo.example", i, k)}
			t := time.Now()
			_, err := call(base, r.token, "POST", "/api/v1/accreditation-requests/"+r.id+"/delegates", body, http.StatusCreated, nil)
			c.add(time.Since(t), err)
		}
	})
}

// runCheckins has the doors scan the badges between them: each scan
// verifies the badge, then checks it in. A scan's latency is both.
func runCheckins(bases []string, secretariat string, tokens []string, doors int) result {
	var c collector
	var next atomic.Int64
	return c.race(doors, "scans", func(d int) {
		base := bases[d%len(bases)]
		for {
			i := int(next.Add(1)) - 1
			if i >= len(tokens) {
				return
			}
			t := time.Now()
			var check struct{ Valid bool }
			_, err := call(base, "", "GET", "/api/v1/verify/"+tokens[i], nil, http.StatusOK, &check)
			if err == nil && !check.Valid {
				err = fmt.Errorf("badge %d is not valid", i)
			}
			if err == nil {
				_, err = call(base, secretariat, "POST", "/api/v1/checkins", map[string]string{"token": tokens[i]}, http.StatusCreated, nil)
			}
			c.add(time.Since(t), err)
		}
	})
}

// rawStats is the raw-SQL ceiling: audited writes a second and latency.
type rawStats struct {
	perSecond float64
	p50, p99  time.Duration
}

// rawCeiling measures, for d, how many transactions a second conc
// connections get through when each does what an audited write does
// with its chain's head and nothing else: lock one of heads head rows,
// picked at random (FOR UPDATE on PostgreSQL; SQLite's transactions take
// the one write lock at BEGIN), insert a row of some 300 bytes, move the
// head, commit. Scratch tables of its own, dropped afterwards, leave the
// audit log alone.
func rawCeiling(ctx context.Context, db *store.DB, conc, heads int, d time.Duration) (rawStats, error) {
	g := db.WithContext(ctx)
	for _, stmt := range []string{
		"DROP TABLE IF EXISTS rush_head", "DROP TABLE IF EXISTS rush_events",
		"CREATE TABLE rush_head (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL)",
		"CREATE TABLE rush_events (seq BIGINT PRIMARY KEY, prev_hash TEXT NOT NULL, data TEXT NOT NULL)",
	} {
		if err := g.Exec(stmt).Error; err != nil {
			return rawStats{}, fmt.Errorf("raw ceiling: %w", err)
		}
	}
	for h := range heads {
		// Each head's events take sequence numbers h, h+heads, h+2·heads…,
		// so chains never collide on the key without a shared counter.
		if err := g.Exec("INSERT INTO rush_head VALUES (?, ?, '')", h+1, h).Error; err != nil {
			return rawStats{}, fmt.Errorf("raw ceiling: %w", err)
		}
	}
	defer func() {
		g.Exec("DROP TABLE IF EXISTS rush_head")
		g.Exec("DROP TABLE IF EXISTS rush_events")
	}()
	lock, ph := "", func(i int) string { return "?" }
	if db.IsPostgres() {
		lock, ph = " FOR UPDATE", func(i int) string { return fmt.Sprintf("$%d", i) }
	}
	data := fmt.Sprintf("%0300d", 0)
	pool := db.SQL()
	var c collector
	var wg sync.WaitGroup
	deadline := time.Now().Add(d)
	one := func() error {
		tx, err := pool.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer func() { _ = tx.Rollback() }()
		var seq int64
		var hash string
		head := 1 + rand.IntN(heads)
		if err := tx.QueryRowContext(ctx, "SELECT seq, hash FROM rush_head WHERE id = "+ph(1)+lock, head).Scan(&seq, &hash); err != nil {
			return err
		}
		next := seq + int64(heads)
		if _, err := tx.ExecContext(ctx, "INSERT INTO rush_events VALUES ("+ph(1)+", "+ph(2)+", "+ph(3)+")", next, hash, data); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE rush_head SET seq = "+ph(1)+", hash = "+ph(2)+" WHERE id = "+ph(3), next, fmt.Sprint(next), head); err != nil {
			return err
		}
		return tx.Commit()
	}
	t := time.Now()
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				s := time.Now()
				err := one()
				c.add(time.Since(s), err)
			}
		}()
	}
	wg.Wait()
	wall := time.Since(t)
	if c.res.firstErr != nil {
		return rawStats{}, fmt.Errorf("raw ceiling: %w", c.res.firstErr)
	}
	slices.Sort(c.res.latencies)
	return rawStats{perSecond: float64(len(c.res.latencies)) / wall.Seconds(),
		p50: percentile(c.res.latencies, 0.5), p99: percentile(c.res.latencies, 0.99)}, nil
}
