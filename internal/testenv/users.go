package testenv

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/membership"
)

// Password is the password of every person the environment creates.
const Password = "a long enough password"

// User is a signed-in person of the tests; a nil *User is the public.
type User struct {
	ID, Email, Token string
	Role             accord.Role
	Country, OrgID   string
	Regions          []string
	Locale           string
}

// Actor is the user as the services see it.
func (u *User) Actor() accord.Actor {
	return accord.Actor{UserID: u.ID, Role: u.Role, OrganizationID: u.OrgID, Country: u.Country,
		Regions: u.Regions, Locale: u.Locale}
}

// Person creates a user directly, as `accord user create` does, and signs
// it in over the API. An empty email, name, locale or password gets one of
// the environment's.
func (e *Env) Person(in auth.CreateUserInput) *User {
	e.T.Helper()
	u := e.CreateUser(&in)
	return &User{ID: u.ID, Email: in.Email, Token: e.Login(in.Email, in.Password), Role: in.Role,
		Country: in.Country, Regions: in.Regions, Locale: in.Locale}
}

// CreateUser creates a verified user directly, as `accord user create`
// does, without signing it in, filling in's empty email, name, locale and
// password with the environment's.
func (e *Env) CreateUser(in *auth.CreateUserInput) *auth.User {
	e.T.Helper()
	if in.Email == "" {
		in.Email = fmt.Sprintf("%s%d@coalition.example", in.Role, e.Next())
	}
	if in.Name == "" {
		in.Name = "Person " + string(in.Role)
	}
	if in.Locale == "" {
		in.Locale = "en"
	}
	if in.Password == "" {
		in.Password = Password
	}
	u, err := e.App.Auth.CreateUserDirect(context.Background(), *in)
	if err != nil {
		e.T.Fatalf("create %s %s: %v", in.Role, in.Email, err)
	}
	return u
}

// Staff is Person of role with the environment's defaults: a coordinator
// of regions, a State party's official of Egypt.
func (e *Env) Staff(role accord.Role, regions ...string) *User {
	e.T.Helper()
	in := auth.CreateUserInput{Role: role, Regions: regions}
	if role == accord.RoleStateParty {
		in.Country = "EG"
	}
	return e.Person(in)
}

// PersonOf is Person of role in country reading locale, a coordinator
// being one of MENA, made to speak for organisation orgID when given.
func (e *Env) PersonOf(role accord.Role, country, orgID, locale string) *User {
	e.T.Helper()
	var regions []string
	if role == accord.RoleCoordinator {
		regions = []string{"MENA"}
	}
	u := e.Person(auth.CreateUserInput{Role: role, Country: country, Locale: locale, Regions: regions})
	if orgID != "" {
		e.Attach(u, orgID)
	}
	return u
}

// String names the user's role in failure messages; nil is the public.
func (u *User) String() string {
	if u == nil {
		return "the public"
	}
	return string(u.Role)
}

// Applicant registers an applicant over the API, in locale, and signs in.
func (e *Env) Applicant(locale string) *User {
	e.T.Helper()
	email := fmt.Sprintf("applicant%d@ngo.example", e.Next())
	var u struct{ ID string }
	e.Do(nil, "POST", "/api/v1/auth/register", map[string]string{
		"email": email, "password": Password, "name": "Amina Haddad", "locale": locale,
	}).Want(e.T, http.StatusCreated).Decode(e.T, &u)
	return &User{ID: u.ID, Email: email, Token: e.Login(email, Password), Role: accord.RoleApplicant, Locale: locale}
}

// Login signs in over the API and returns the access token.
func (e *Env) Login(email, password string) string {
	e.T.Helper()
	var pair auth.TokenPair
	e.Do(nil, "POST", "/api/v1/auth/login", map[string]string{"email": email, "password": password}).
		Want(e.T, http.StatusOK).Decode(e.T, &pair)
	return pair.AccessToken
}

// Attach makes u speak for the organisation orgID, as an approved
// application or an invitation leaves an applicant.
func (e *Env) Attach(u *User, orgID string) *User {
	e.T.Helper()
	if err := e.DB.WithContext(context.Background()).Table("users").Where("id = ?", u.ID).
		Update("organization_id", orgID).Error; err != nil {
		e.T.Fatal(err)
	}
	u.OrgID = orgID
	return u
}

// Organization inserts o directly, filling its id, region (from its
// country), version, times and search keys when they are empty.
func (e *Env) Organization(o membership.Organization) membership.Organization {
	e.T.Helper()
	ctx := context.Background()
	if o.ID == "" {
		o.ID = uuid.NewString()
	}
	if o.Region == "" {
		r, err := country.RegionOf(ctx, e.DB, o.Country)
		if err != nil {
			e.T.Fatalf("region of %s: %v", o.Country, err)
		}
		o.Region = r
	}
	if o.EcosocStatus == "" {
		o.EcosocStatus = membership.EcosocNone
	}
	if o.Version == 0 {
		o.Version = 1
	}
	if o.CreatedAt.IsZero() {
		o.CreatedAt = e.Clock.Now().Truncate(time.Microsecond)
		o.UpdatedAt = o.CreatedAt
	}
	o.RefreshKeys()
	if err := e.DB.WithContext(ctx).Create(&o).Error; err != nil {
		e.T.Fatalf("insert organisation %s: %v", o.NameEN, err)
	}
	return o
}
