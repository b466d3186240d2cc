package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
)

// TestUserCreateDoor: `accord user create --role door --conference CODE`
// binds door staff to the conference named by its code.
func TestUserCreateDoor(t *testing.T) {
	c := newCLI(t)
	ctx := context.Background()
	if err := c.run("user", "create", "--email", "sec@example.org", "--name", "Sec", "--role", "secretariat",
		"--password", "a long enough password"); err != nil {
		t.Fatalf("user create: %v", err)
	}
	secID := strings.TrimSpace(c.out.String())
	a, err := open(ctx, env(c.vars), &c.out)
	if err != nil {
		t.Fatal(err)
	}
	code, title, venue := "CoSP11", "Conference", "Vienna"
	now := time.Now()
	starts, ends := accord.Date{Time: now.AddDate(0, 0, 120)}, accord.Date{Time: now.AddDate(0, 0, 121)}
	opens, closes, cutoff := now.Add(-time.Hour), now.AddDate(0, 0, 60), now.AddDate(0, 0, 100)
	conf, err := a.Accreditation.CreateConference(ctx, accord.Actor{UserID: secID, Role: accord.RoleSecretariat}, accreditation.ConferenceInput{
		Code: &code, Title: &title, Venue: &venue, StartsOn: &starts, EndsOn: &ends,
		AccreditationOpensAt: &opens, AccreditationClosesAt: &closes, NominationCutoffAt: &cutoff,
	})
	a.Close()
	if err != nil {
		t.Fatal(err)
	}

	if err := c.run("user", "create", "--email", "door@example.org", "--name", "Hall A", "--role", "door",
		"--conference", "CoSP11", "--password", "a long enough password"); err != nil {
		t.Fatalf("user create --role door: %v", err)
	}
	a, err = open(ctx, env(c.vars), &c.out)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	var bound string
	a.DB.WithContext(ctx).Table("users").Select("conference_id").Where("email = ? AND role = ?", "door@example.org", "door").Scan(&bound)
	if bound != conf.ID {
		t.Errorf("door staff bound to %q, want %s", bound, conf.ID)
	}
	for args, flag := range map[string]string{
		"--role door --conference NOPE":          "--conference",
		"--role door":                            "--conference-id",
		"--role secretariat --conference CoSP11": "--conference-id",
	} {
		err := c.run(append([]string{"user", "create", "--email", "x@example.org", "--name", "X", "--password", "a long enough password"},
			strings.Fields(args)...)...)
		if err == nil || !strings.Contains(err.Error(), flag) {
			t.Errorf("%s: err = %v, want one naming %s", args, err, flag)
		}
	}
}
