package accreditation_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"rsc.io/qr"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

// badged is a conference with one accredited organisation whose
// delegates all hold issued badges.
type badged struct {
	confID    string
	ngo       *user
	delegates []obj // as the secretariat reads them, badge_code included
}

func (e *env) badged(sec *user, code string, names ...string) badged {
	e.T.Helper()
	confID := e.conference(sec, code, len(names)+1).str("id")
	ngo := e.ngo("Integrity Watch "+code, "TN", "MENA", "special")
	r := e.submitted(ngo, confID).str("id")
	e.fire(sec, "/accreditation-requests/"+r, "admit_ecosoc", "", http.StatusOK)
	b := badged{confID: confID, ngo: ngo}
	for i, n := range names {
		// One person, one passport: each nominee has a number of their own.
		d := e.badgeIssued(sec, ngo, r, nominee(n, "Haddad", fmt.Sprintf("N777%04d", i)))
		b.delegates = append(b.delegates, e.call(sec, "GET", "/delegates/"+d, nil, http.StatusOK))
	}
	return b
}

func (e *env) door(confID string) *user {
	e.T.Helper()
	return e.Person(auth.CreateUserInput{Role: accord.RoleDoor, ConferenceID: confID})
}

// TestBadgeCode: every issued badge has a short code a person can type,
// without letters read one for another, accepted at check-in in any
// letter case, once; and the token fits a QR code a phone reads.
func TestBadgeCode(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sec := e.secretariat()
		b := e.badged(sec, "CoSP11", "Amal", "Karim")
		codes := map[string]bool{}
		for _, d := range b.delegates {
			code := d.str("badge_code")
			if len(code) == 0 || len(code) > 10 || strings.ContainsAny(code, "01OILU") || strings.ToUpper(code) != code {
				t.Fatalf("badge code %q", code)
			}
			codes[code] = true
		}
		if len(codes) != 2 {
			t.Fatalf("codes %v", codes)
		}
		amal := b.delegates[0]
		badge := e.call(b.ngo, "GET", "/delegates/"+amal.str("id")+"/badge", nil, http.StatusOK)
		if badge.str("code") != amal.str("badge_code") {
			t.Errorf("badge %v, delegate's code %s", badge, amal.str("badge_code"))
		}
		q, err := qr.Encode(badge.str("token"), qr.M)
		if err != nil {
			t.Fatal(err)
		}
		// Version v has 17 + 4v modules a side.
		if version := (q.Size - 17) / 4; version > 7 {
			t.Errorf("the badge's QR code is version %d (%d characters)", version, len(badge.str("token")))
		}

		typed := strings.ToLower(amal.str("badge_code"))
		typed = typed[:4] + "-" + typed[4:]
		ci := e.call(sec, "POST", "/checkins", obj{"code": typed}, http.StatusCreated)
		if ci.str("delegate_id") != amal.str("id") {
			t.Fatalf("check-in %v", ci)
		}
		e.problem(sec, "POST", "/checkins", obj{"code": amal.str("badge_code")}, http.StatusConflict, "")
		e.problem(sec, "POST", "/checkins", obj{"code": "ZZZZZZZZ"}, http.StatusUnprocessableEntity, "code")
		// The token of the other badge still checks in by its token, and
		// lower-cased by a scanner too.
		karim := e.call(b.ngo, "GET", "/delegates/"+b.delegates[1].str("id")+"/badge", nil, http.StatusOK).str("token")
		e.call(sec, "POST", "/checkins", obj{"token": strings.ToLower(karim)}, http.StatusCreated)
	})
}

// TestDoorRole: door staff check badges in at their conference and do
// nothing else.
func TestDoorRole(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sec := e.secretariat()
		a := e.badged(sec, "CoSP11", "Amal", "Karim", "Salma")
		other := e.badged(sec, "IRG15", "Omar")
		door := e.door(a.confID)

		// The secretariat creates door accounts; they belong to a conference.
		created := e.call(sec, "POST", "/users", obj{"email": "door2@coalition.example", "name": "Hall B",
			"role": "door", "conference_id": a.confID}, http.StatusCreated)
		if u, _ := created["user"].(map[string]any); u["conference_id"] != a.confID || u["role"] != "door" {
			t.Fatalf("created %v", created)
		}
		e.problem(sec, "POST", "/users", obj{"email": "door3@coalition.example", "name": "Hall C", "role": "door"},
			http.StatusUnprocessableEntity, "conference_id")
		e.problem(sec, "POST", "/users", obj{"email": "door4@coalition.example", "name": "Hall D", "role": "door",
			"conference_id": "7d0c3f4e-64a4-4b55-8d3e-2f2b5c0c9a11"}, http.StatusUnprocessableEntity, "conference_id")
		e.problem(sec, "POST", "/users", obj{"email": "sec9@coalition.example", "name": "Sec", "role": "secretariat",
			"conference_id": a.confID}, http.StatusUnprocessableEntity, "conference_id")
		e.problem(a.ngo, "POST", "/users", obj{"email": "door5@coalition.example", "name": "Hall E", "role": "door",
			"conference_id": a.confID}, http.StatusForbidden, "")

		amal := a.delegates[0]
		request := amal.str("accreditation_request_id")
		for _, path := range []string{
			"/accreditation-requests",
			"/accreditation-requests/" + request,
			"/accreditation-requests/" + request + "/delegates",
			"/delegates/" + amal.str("id"),
			"/delegates/" + amal.str("id") + "/badge",
			"/conferences/" + a.confID + "/exports/participants.csv",
			"/conferences/" + a.confID + "/exports/badges.pdf",
			"/conferences/" + a.confID + "/circulated",
			"/conferences/" + other.confID + "/checkin-bundle",
			"/membership-applications",
			"/reports/dashboard",
		} {
			r := e.do(door, "GET", path, nil)
			if r.status != http.StatusForbidden && r.status != http.StatusNotFound {
				t.Errorf("door staff GET %s: %d %.200s", path, r.status, r.body)
			}
			if strings.Contains(string(r.body), "Amal") || strings.Contains(string(r.body), "Omar") {
				t.Errorf("door staff GET %s shows a delegate: %.200s", path, r.body)
			}
		}
		if r := e.do(door, "POST", "/delegates/"+amal.str("id")+"/transitions", obj{"event": "cancel"}); r.status != http.StatusNotFound && r.status != http.StatusForbidden {
			t.Errorf("door staff cancel a delegate: %d %s", r.status, r.body)
		}
		// Another conference's badge is no badge at this door.
		e.problem(door, "POST", "/checkins", obj{"code": other.delegates[0].str("badge_code")}, http.StatusUnprocessableEntity, "code")
		e.call(door, "POST", "/checkins", obj{"code": amal.str("badge_code")}, http.StatusCreated)
		e.problem(door, "POST", "/checkins", obj{"code": amal.str("badge_code")}, http.StatusConflict, "")

		// The bundle: issued badges, revoked codes, no passport data.
		e.fire(a.ngo, "/delegates/"+a.delegates[2].str("id"), "cancel", "", http.StatusOK)
		r := e.do(door, "GET", "/conferences/"+a.confID+"/checkin-bundle", nil)
		if r.status != http.StatusOK {
			t.Fatalf("bundle: %d %s", r.status, r.body)
		}
		bundle := obj(mustJSON(t, r.body))
		if bundle.str("conference_id") != a.confID || len(bundle.str("public_key")) != 43 {
			t.Fatalf("bundle %s", r.body)
		}
		badges := bundle.list("badges")
		if len(badges) != 2 {
			t.Fatalf("bundle badges %v", badges)
		}
		for _, bb := range badges {
			if bb.str("code") == "" || bb.str("delegate_id") == "" || bb.str("given_name") == "" || bb.str("organization") != "Integrity Watch CoSP11" {
				t.Errorf("bundle badge %v", bb)
			}
		}
		revoked, _ := bundle["revoked"].([]any)
		if len(revoked) != 1 || revoked[0] != a.delegates[2].str("badge_code") {
			t.Errorf("revoked %v, cancelled %s", revoked, a.delegates[2].str("badge_code"))
		}
		for _, secret := range []string{"passport", "N777", "nationality", "email"} {
			if strings.Contains(string(r.body), secret) {
				t.Errorf("the bundle holds %q: %s", secret, r.body)
			}
		}
		etag := r.header.Get("ETag")
		if etag == "" {
			t.Fatal("no ETag")
		}
		if again := e.do(door, "GET", "/conferences/"+a.confID+"/checkin-bundle", nil, "If-None-Match", etag); again.status != http.StatusNotModified {
			t.Errorf("If-None-Match: %d", again.status)
		}
		e.call(door, "POST", "/checkins", obj{"code": a.delegates[1].str("badge_code")}, http.StatusCreated)
		if changed := e.do(door, "GET", "/conferences/"+a.confID+"/checkin-bundle", nil, "If-None-Match", etag); changed.status != http.StatusOK {
			t.Errorf("after a check-in the bundle is unchanged: %d", changed.status)
		}
		// The secretariat fetches any conference's bundle.
		e.call(sec, "GET", "/conferences/"+other.confID+"/checkin-bundle", nil, http.StatusOK)
	})
}

// TestCheckinBatch: scans queued offline at several doors sync in any
// order; the earliest scan of a badge is its check-in, the others are
// duplicates, a forged badge is refused, and a retry is answered the same.
func TestCheckinBatch(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sec := e.secretariat()
		b := e.badged(sec, "CoSP11", "Amal", "Karim")
		door := e.door(b.confID)
		amal, karim := b.delegates[0], b.delegates[1]
		karimToken := e.call(b.ngo, "GET", "/delegates/"+karim.str("id")+"/badge", nil, http.StatusOK).str("token")
		now := e.Clock.Now().UTC().Truncate(time.Second)
		t0, t1, t2 := now.Add(-30*time.Minute), now.Add(-20*time.Minute), now.Add(-10*time.Minute)

		hallA := obj{"items": []obj{
			{"code": amal.str("badge_code"), "scanned_at": t1, "device": "hall-a"},
			{"token": karimToken, "scanned_at": t2, "device": "hall-a"},
			{"token": forge(t, karimToken), "scanned_at": t2, "device": "hall-a"},
			{"code": amal.str("badge_code"), "scanned_at": t2, "device": "hall-a"},
		}}
		want := []int{201, 201, 422, 409}
		for round := range 2 {
			got := e.call(door, "POST", "/checkins/batch", hallA, http.StatusOK).list("results")
			if len(got) != len(want) {
				t.Fatalf("results %v", got)
			}
			for i, r := range got {
				if r.num("index") != i || r.num("status") != want[i] {
					t.Errorf("round %d, scan %d: %v", round, i, r)
				}
			}
		}
		// Hall B was offline too, and saw Amal first.
		hallB := obj{"items": []obj{{"code": strings.ToLower(amal.str("badge_code")), "scanned_at": t0, "device": "hall-b"}}}
		got := e.call(door, "POST", "/checkins/batch", hallB, http.StatusOK).list("results")
		if got[0].num("status") != 409 {
			t.Errorf("hall B: %v", got)
		}
		if at, _ := time.Parse(time.RFC3339Nano, got[0].str("checked_in_at")); !at.Equal(t0) {
			t.Errorf("checked in at %s, the earliest scan was %s", got[0].str("checked_in_at"), t0)
		}
		d := e.call(sec, "GET", "/delegates/"+amal.str("id"), nil, http.StatusOK)
		if at, _ := time.Parse(time.RFC3339Nano, d.str("checked_in_at")); d.str("state") != "checked_in" || !at.Equal(t0) {
			t.Errorf("delegate %s at %s", d.str("state"), d.str("checked_in_at"))
		}
		if n := e.count("checkin_scans", "delegate_id = ?", amal.str("id")); n != 3 {
			t.Errorf("%d scans of Amal kept", n)
		}
		// Scans without a time, and anyone but the door and the secretariat.
		bad := e.call(door, "POST", "/checkins/batch", obj{"items": []obj{{"code": karim.str("badge_code")}}}, http.StatusOK).list("results")
		if bad[0].num("status") != 422 {
			t.Errorf("a scan without its time: %v", bad)
		}
		// A door named in Arabic: its limit is 100 characters, not bytes.
		named := func(device string) int {
			item := obj{"code": karim.str("badge_code"), "scanned_at": t2, "device": device}
			return e.call(door, "POST", "/checkins/batch", obj{"items": []obj{item}}, http.StatusOK).list("results")[0].num("status")
		}
		if got := named(strings.Repeat("ب", 100)); got != 409 {
			t.Errorf("a door named in 100 Arabic letters: %d, want the duplicate's 409", got)
		}
		if got := named(strings.Repeat("ب", 101)); got != 422 {
			t.Errorf("a door named in 101 Arabic letters: %d, want 422", got)
		}
		e.problem(b.ngo, "POST", "/checkins/batch", hallA, http.StatusForbidden, "")
	})
}
