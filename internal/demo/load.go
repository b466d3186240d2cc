package demo

import (
	"context"
	"crypto/rand"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store"
)

// Account is a demo sign-in printed at start.
type Account struct {
	Role     accord.Role
	Email    string
	Password string
	Note     string
}

// Users is what the demo needs of the auth service.
type Users interface {
	EnsureUser(ctx context.Context, in auth.CreateUserInput, organizationID string) (*auth.User, error)
}

type account struct {
	in   auth.CreateUserInput
	org  string
	note string
}

var accounts = []account{
	{in: auth.CreateUserInput{Email: "admin@demo.accord.example", Name: "Demo Operator", Role: accord.RoleAdmin, Locale: "en"},
		note: "users and configuration"},
	{in: auth.CreateUserInput{Email: "secretariat@demo.accord.example", Name: "Amina Haddad", Role: accord.RoleSecretariat, Locale: "en"},
		note: "the hub: conferences, circulation, decisions, exports"},
	{in: auth.CreateUserInput{Email: "coordinator.mena@demo.accord.example", Name: "سلمى بن علي", Role: accord.RoleCoordinator, Regions: []string{"MENA"}, Locale: "ar"},
		note: "coordinator for MENA"},
	{in: auth.CreateUserInput{Email: "coordinator.afr@demo.accord.example", Name: "Joseph Mwangi", Role: accord.RoleCoordinator, Regions: []string{"AFR"}, Locale: "en"},
		note: "coordinator for Africa"},
	{in: auth.CreateUserInput{Email: "ngo@demo.accord.example", Name: "محمد الشريف", Role: accord.RoleApplicant, Locale: "ar"},
		org: orgEgypt, note: "staff of the Egyptian Transparency Association"},
	{in: auth.CreateUserInput{Email: "ngo.tunisia@demo.accord.example", Name: "Leila Trabelsi", Role: accord.RoleApplicant, Locale: "fr"},
		org: orgTunisia, note: "staff of the Citizen Oversight Association (applying)"},
	{in: auth.CreateUserInput{Email: "france@demo.accord.example", Name: "Claire Dubois", Role: accord.RoleStateParty, Country: "FR", Locale: "fr"},
		note: "focal point of France"},
	{in: auth.CreateUserInput{Email: "egypt@demo.accord.example", Name: "أحمد فؤاد", Role: accord.RoleStateParty, Country: "EG", Locale: "ar"},
		note: "focal point of Egypt"},
	{in: auth.CreateUserInput{Email: "door@demo.accord.example", Name: "Hall A", Role: accord.RoleDoor, ConferenceID: conferenceID, Locale: "en"},
		note: "door staff of CoSP11: check-in at /door/, nothing else"},
}

// Load writes the demonstration data (reference data must be loaded
// first) and returns the demo accounts with fresh passwords.
func Load(ctx context.Context, db *store.DB, users Users, accr Accreditation, now time.Time) ([]Account, error) {
	now = now.UTC().Truncate(time.Microsecond)
	err := db.Transaction(ctx, func(tx *gorm.DB) error {
		if err := loadOrganizations(tx, now); err != nil {
			return err
		}
		if err := loadConference(tx, now); err != nil {
			return err
		}
		return loadApplication(tx, now)
	})
	if err != nil {
		return nil, err
	}
	out := make([]Account, 0, len(accounts))
	var secretariat, objector accord.Actor
	printedStaff := map[string]accord.Actor{}
	for _, a := range accounts {
		in := a.in
		in.Password = newPassword()
		u, err := users.EnsureUser(ctx, in, a.org)
		if err != nil {
			return nil, fmt.Errorf("demo account %s: %w", in.Email, err)
		}
		switch {
		case in.Role == accord.RoleSecretariat:
			secretariat = u.Actor()
		case in.Role == accord.RoleStateParty && in.Country == "EG":
			objector = u.Actor()
		case a.org != "":
			printedStaff[a.org] = u.Actor()
		}
		out = append(out, Account{Role: in.Role, Email: in.Email, Password: in.Password, Note: a.note})
	}
	var filed int64
	if err := db.WithContext(ctx).Model(&accreditation.Request{}).Where("conference_id = ?", conferenceID).Count(&filed).Error; err != nil {
		return nil, fmt.Errorf("demo requests: %w", err)
	}
	if filed == 0 {
		staff, err := staffAccounts(ctx, users, printedStaff)
		if err != nil {
			return nil, err
		}
		if err := driveRequests(ctx, accr, secretariat, objector, staff); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// insertMissing inserts rows whose id is not there yet; rows already
// present (a second start) are left as they are, with any change made
// through the product since.
func insertMissing(tx *gorm.DB, rows any) error {
	return tx.Clauses(clause.OnConflict{DoNothing: true}).Create(rows).Error
}

func loadOrganizations(tx *gorm.DB, now time.Time) error {
	orgs := make([]membership.Organization, len(organizations))
	copy(orgs, organizations)
	for i := range orgs {
		o := &orgs[i]
		o.Region = regionOf[o.Country]
		o.Version = 1
		o.CreatedAt, o.UpdatedAt = now, now
		o.RefreshKeys()
	}
	if err := insertMissing(tx, &orgs); err != nil {
		return fmt.Errorf("demo organisations: %w", err)
	}
	var ms []membership.Membership
	for i, id := range members {
		since := now.AddDate(-1, 0, 30+i*20) // anniversaries spread over the coming months
		m := membership.NewMembership(fmt.Sprintf("0d7c2a8e-0000-4000-8000-0000000000b%d", i), id, nil, since)
		m.CreatedAt, m.UpdatedAt = now, now
		ms = append(ms, m)
	}
	if err := insertMissing(tx, &ms); err != nil {
		return fmt.Errorf("demo memberships: %w", err)
	}
	return nil
}

func loadConference(tx *gorm.DB, now time.Time) error {
	conf := conference(now)
	if err := insertMissing(tx, &conf); err != nil {
		return fmt.Errorf("demo conference: %w", err)
	}
	return nil
}

// loadApplication leaves one membership application waiting in the MENA
// coordinator's queue.
func loadApplication(tx *gorm.DB, now time.Time) error {
	submitted := now.Add(-3 * 24 * time.Hour)
	app := membership.Application{
		ID: "0d7c2a8e-0000-4000-8000-0000000000f1", OrganizationID: orgTunisia,
		State: membership.AppSubmitted, Version: 1, Region: "MENA",
		Motivation:  "نعمل منذ 2012 على مراقبة التصريح بالممتلكات ونرغب في الانضمام إلى التحالف.",
		SubmittedAt: &submitted, CreatedAt: submitted, UpdatedAt: submitted,
	}
	if err := insertMissing(tx, &app); err != nil {
		return fmt.Errorf("demo application: %w", err)
	}
	return nil
}

// regionOf spares a lookup for the handful of demo countries; the seeds
// say the same (a test checks it).
var regionOf = map[string]string{
	"EG": "MENA", "MA": "MENA", "JO": "MENA", "TN": "MENA", "LB": "MENA",
	"KE": "AFR", "BR": "AME", "CO": "AME", "ID": "ASP", "FR": "ECA",
}

// newPassword returns a random password: 26 base32 characters, 130 bits.
func newPassword() string { return rand.Text() }
