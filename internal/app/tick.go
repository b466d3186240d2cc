package app

import (
	"context"
	"errors"
	"time"
)

// Tick fires every due deadline transition, then purges the passport
// numbers and visa letters whose retention period has run, removes the
// accounts that never verified their address and sends the secretariat's
// daily digests that are due: the work that
// falls due with time rather than with a request. It returns how many transitions fired.
// The server runs it every tick interval; `accord tick` runs it once.
func (a *App) Tick(ctx context.Context) (int, error) {
	fired, err := a.Engine.Tick(ctx)
	if _, perr := a.Accreditation.PurgePassports(ctx); perr != nil {
		err = errors.Join(err, perr)
	}
	if _, perr := a.Report.PurgeVisaLetters(ctx); perr != nil {
		err = errors.Join(err, perr)
	}
	if _, perr := a.Auth.ExpireUnverified(ctx); perr != nil {
		err = errors.Join(err, perr)
	}
	if _, derr := a.Accreditation.SendDeskDigests(ctx); derr != nil {
		err = errors.Join(err, derr)
	}
	return fired, err
}

// RunTicks ticks now and then every interval until ctx is done. Failures
// are logged; the next tick tries again.
func (a *App) RunTicks(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		n, err := a.Tick(ctx)
		if err != nil && ctx.Err() == nil {
			a.Logger.ErrorContext(ctx, "tick", "fired", n, "err", err)
		} else if n > 0 {
			a.Logger.InfoContext(ctx, "tick", "fired", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
