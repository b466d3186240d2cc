package auth

import (
	"sync"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
)

func TestRefreshRotatesAndDetectsReuse(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		f.register("r@example.org", "long enough pw")
		first := f.login("r@example.org", "long enough pw")
		other := f.login("r@example.org", "long enough pw") // another device

		second, err := f.svc.Refresh(f.ctx, first.RefreshToken)
		if err != nil {
			t.Fatal(err)
		}
		if second.RefreshToken == first.RefreshToken || second.AccessToken == "" {
			t.Fatalf("not rotated: %+v", second)
		}
		third, err := f.svc.Refresh(f.ctx, second.RefreshToken)
		if err != nil {
			t.Fatal(err)
		}

		// The first token was rotated: presenting it again means it was
		// copied. It fails, and so does the family's live token.
		_, err = f.svc.Refresh(f.ctx, first.RefreshToken)
		wantKind(t, err, accord.KindUnauthenticated)
		_, err = f.svc.Refresh(f.ctx, third.RefreshToken)
		wantKind(t, err, accord.KindUnauthenticated)

		// The other device's session is another family.
		if _, err := f.svc.Refresh(f.ctx, other.RefreshToken); err != nil {
			t.Fatalf("other family: %v", err)
		}
		_, err = f.svc.Refresh(f.ctx, "no such token")
		wantKind(t, err, accord.KindUnauthenticated)

		var stored []RefreshToken
		f.db.WithContext(f.ctx).Find(&stored)
		for _, rt := range stored {
			if rt.TokenHash == first.RefreshToken || len(rt.TokenHash) != 64 {
				t.Fatalf("refresh token stored as %q", rt.TokenHash)
			}
		}
	})
}

func TestRefreshExpires(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		f.register("e@example.org", "long enough pw")
		pair := f.login("e@example.org", "long enough pw")
		f.clock.Advance(30*24*time.Hour + time.Second)
		_, err := f.svc.Refresh(f.ctx, pair.RefreshToken)
		wantKind(t, err, accord.KindUnauthenticated)
	})
}

func TestRefreshOfDisabledUser(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		u := f.register("d@example.org", "long enough pw")
		pair := f.login("d@example.org", "long enough pw")
		f.db.WithContext(f.ctx).Model(&User{}).Where("id = ?", u.ID).Update("disabled", true)
		_, err := f.svc.Refresh(f.ctx, pair.RefreshToken)
		wantKind(t, err, accord.KindUnauthenticated)
	})
}

func TestConcurrentRefreshOneWins(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		f.register("c@example.org", "long enough pw")
		// Several rounds: each is a race whose interleaving varies.
		for round := range 5 {
			pair := f.login("c@example.org", "long enough pw")
			const n = 12
			var (
				wg        sync.WaitGroup
				start     = make(chan struct{})
				mu        sync.Mutex
				successes int
			)
			for range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					_, err := f.svc.Refresh(f.ctx, pair.RefreshToken)
					mu.Lock()
					defer mu.Unlock()
					switch {
					case err == nil:
						successes++
					case accord.KindOf(err) != accord.KindUnauthenticated:
						t.Errorf("refresh: %v", err)
					}
				}()
			}
			close(start)
			wg.Wait()
			if successes != 1 {
				t.Fatalf("round %d: %d concurrent refreshes of one token succeeded; want exactly 1", round, successes)
			}
		}
	})
}

// The race above depends on scheduling; the guard that decides it does not.
func TestRotationIsGuarded(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		f.register("g@example.org", "long enough pw")
		pair := f.login("g@example.org", "long enough pw")
		rt, err := refreshTokenByRaw(f.db.WithContext(f.ctx), pair.RefreshToken)
		if err != nil || rt == nil {
			t.Fatalf("stored token: %v, %v", rt, err)
		}
		for i, want := range []bool{true, false} {
			won, err := rotateRefreshToken(f.db.WithContext(f.ctx), rt.ID, f.clock.Now())
			if err != nil || won != want {
				t.Fatalf("rotation %d: won %v, %v; want %v", i+1, won, err, want)
			}
		}
	})
}

// signedInTwice registers two accounts, signs the first in twice and the
// second once: the sessions a sign-out must tell apart.
func (f *fixture) signedInTwice() (u *User, first, second, other TokenPair) {
	f.t.Helper()
	u = f.register("l@example.org", "long enough pw")
	f.register("m@example.org", "long enough pw")
	first = f.login("l@example.org", "long enough pw")
	second = f.login("l@example.org", "long enough pw")
	other = f.login("m@example.org", "long enough pw")
	return u, first, second, other
}

func TestLogout(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		u, here, there, someoneElse := f.signedInTwice()
		actor := u.Actor()

		wantKind(t, f.svc.Logout(f.ctx, actor, someoneElse.RefreshToken), accord.KindNotFound)
		wantKind(t, f.svc.Logout(f.ctx, accord.Actor{}, here.RefreshToken), accord.KindUnauthenticated)
		if err := f.svc.Logout(f.ctx, actor, here.RefreshToken); err != nil {
			t.Fatal(err)
		}
		_, err := f.svc.Refresh(f.ctx, here.RefreshToken)
		wantKind(t, err, accord.KindUnauthenticated)
		if _, err := f.svc.Refresh(f.ctx, there.RefreshToken); err != nil {
			t.Fatalf("the other session ended too: %v", err)
		}
		if _, err := f.svc.Refresh(f.ctx, someoneElse.RefreshToken); err != nil {
			t.Fatalf("someone else's session ended: %v", err)
		}
	})
}

func TestLogoutAll(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		u, one, two, other := f.signedInTwice()
		rotated, err := f.svc.Refresh(f.ctx, two.RefreshToken)
		if err != nil {
			t.Fatal(err)
		}

		if err := f.svc.LogoutAll(f.ctx, u.Actor()); err != nil {
			t.Fatal(err)
		}
		for _, tok := range []string{one.RefreshToken, rotated.RefreshToken} {
			_, err := f.svc.Refresh(f.ctx, tok)
			wantKind(t, err, accord.KindUnauthenticated)
		}
		if _, err := f.svc.Refresh(f.ctx, other.RefreshToken); err != nil {
			t.Fatalf("another user's session ended: %v", err)
		}
	})
}
