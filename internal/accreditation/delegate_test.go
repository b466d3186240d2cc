package accreditation_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/hkdf"

	"github.com/accord-coalition/accord/internal/accord"
)

// TestDelegatesAndBadges: nominations within the maximum and before the
// cut-off, passport numbers that never come back, the delegate machine,
// badges that verify while forgeries do not, and check-in once.
func TestDelegatesAndBadges(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sec := e.secretariat()
		ngo := e.ngo("Tunisian Integrity Watch", "TN", "MENA", "special")
		confID := e.conference(sec, "CoSP11", 2).str("id")

		draft := e.call(ngo, "POST", "/conferences/"+confID+"/accreditation-requests",
			obj{"organization_id": ngo.OrgID, "motivation": "Asset recovery."}, http.StatusCreated).str("id")
		delegates := "/accreditation-requests/" + draft + "/delegates"
		e.problem(ngo, "POST", delegates, nominee("Amal", "Haddad", "N1234567"), http.StatusConflict, "")
		e.fire(ngo, "/accreditation-requests/"+draft, "submit", "", http.StatusOK)

		// Nominations from submission on; names in Latin script.
		e.problem(ngo, "POST", delegates, nominee("أمل", "Haddad", ""), http.StatusUnprocessableEntity, "given_name")
		var bodies [][]byte
		first := e.do(ngo, "POST", delegates, nominee("Amal", "Haddad", "n 1234 567"))
		second := e.do(ngo, "POST", delegates, nominee("Karim", "Ben Salah", "P7654321"))
		for _, r := range []res{first, second} {
			if r.status != http.StatusCreated {
				t.Fatalf("nominate: %d %s", r.status, r.body)
			}
			bodies = append(bodies, r.body)
		}
		var amal obj
		json.Unmarshal(first.body, &amal)
		if amal.str("passport_hint") != "567" || amal.str("state") != "nominated" {
			t.Fatalf("nominee %v", amal)
		}
		// A third delegate over a maximum of 2 is refused.
		e.problem(ngo, "POST", delegates, nominee("Third", "Person", "Q1111111"), http.StatusUnprocessableEntity, "accreditation_request_id")

		// The badge waits for accreditation.
		d := "/delegates/" + amal.str("id")
		e.fire(sec, d, "confirm", "", http.StatusOK)
		e.problem(sec, "POST", d+"/transitions", obj{"event": "issue_badge"}, http.StatusUnprocessableEntity, "accreditation_request_id")
		e.problem(ngo, "GET", d+"/badge", nil, http.StatusConflict, "")
		e.fire(sec, "/accreditation-requests/"+draft, "admit_ecosoc", "", http.StatusOK)
		e.fire(sec, d, "issue_badge", "", http.StatusOK)

		// replace nominates the replacement in the same transaction.
		karim := "/delegates/" + obj(mustJSON(t, second.body)).str("id")
		e.problem(ngo, "POST", karim+"/transitions", obj{"event": "replace"}, http.StatusUnprocessableEntity, "replacement")
		replaced := e.call(ngo, "POST", karim+"/transitions", obj{"event": "replace",
			"replacement": nominee("Salma", "Trabelsi", "R2222222")}, http.StatusOK)
		rep, _ := replaced["replacement"].(map[string]any)
		if replaced.str("state") != "replaced" || rep == nil || rep["state"] != "nominated" || rep["replaces_id"] != replaced.str("id") {
			t.Fatalf("replace: %v", replaced)
		}
		// Cancelling frees a place.
		e.problem(ngo, "POST", delegates, nominee("Fourth", "Person", ""), http.StatusUnprocessableEntity, "")
		e.fire(ngo, "/delegates/"+rep["id"].(string), "cancel", "", http.StatusOK)
		e.call(ngo, "POST", delegates, nominee("Fourth", "Person", ""), http.StatusCreated)

		// Passport numbers are never in a response, and are stored sealed.
		bodies = append(bodies, e.do(ngo, "GET", delegates, nil).body, e.do(sec, "GET", d, nil).body, replaced.raw(t))
		for _, b := range bodies {
			for _, number := range []string{"N1234567", "P7654321", "R2222222", "passport_number\""} {
				if bytes.Contains(b, []byte(number)) {
					t.Fatalf("a response holds %s: %s", number, b)
				}
			}
		}
		var sealed []byte
		e.DB.WithContext(context.Background()).Table("delegates").Select("passport_number_enc").Where("id = ?", amal.str("id")).Scan(&sealed)
		if len(sealed) == 0 || bytes.Contains(sealed, []byte("N1234567")) {
			t.Fatalf("stored passport number %q", sealed)
		}
		if n, err := e.svc.PassportNumber(context.Background(), actorOf(sec), amal.str("id")); err != nil || n != "N1234567" {
			t.Fatalf("the secretariat reads %q, %v", n, err)
		}
		if _, err := e.svc.PassportNumber(context.Background(), actorOf(ngo), amal.str("id")); accord.KindOf(err) != accord.KindForbidden {
			t.Fatalf("the applicant reading the passport number: %v", err)
		}

		// The badge verifies; tampered and forged ones do not.
		badge := e.call(ngo, "GET", d+"/badge", nil, http.StatusOK)
		token := badge.str("token")
		if badge.str("verify_url") != "http://accord.test/verify/"+token {
			t.Errorf("verify_url %s", badge.str("verify_url"))
		}
		png := e.do(ngo, "GET", d+"/badge.png", nil)
		if png.status != http.StatusOK || png.header.Get("Content-Type") != "image/png" || !bytes.HasPrefix(png.body, []byte("\x89PNG\r\n\x1a\n")) {
			t.Fatalf("badge.png: %d %s", png.status, png.header.Get("Content-Type"))
		}
		v := e.call(nil, "GET", "/verify/"+token, nil, http.StatusOK)
		holder, _ := v["delegate"].(map[string]any)
		if v["valid"] != true || holder["given_name"] != "Amal" || holder["family_name"] != "Haddad" ||
			v.str("organization") != "Tunisian Integrity Watch" || v.str("conference") != "CoSP11" || v["checked_in"] != false {
			t.Fatalf("verify: %v", v)
		}
		for name, bad := range map[string]string{
			"tampered": tamper(t, token),
			"forged":   forge(t, token),
			"garbage":  "not-a-token",
		} {
			if got := e.call(nil, "GET", "/verify/"+bad, nil, http.StatusOK); got["valid"] != false || got["delegate"] != nil {
				t.Errorf("%s token verifies: %v", name, got)
			}
		}
		// At the site's root, /verify/{token} is the web pages' (a page in
		// the visitor's language, or this JSON): the API leaves it to them.
		if root := e.do(nil, "GET", "root:/verify/"+token, nil, "Accept", "text/html"); root.status != http.StatusOK ||
			!strings.HasPrefix(root.header.Get("Content-Type"), "text/html") {
			t.Errorf("/verify/{token} at the root is not the web page: %d %s", root.status, root.body)
		}

		// Check-in: 201, then 409; an applicant may not.
		e.problem(ngo, "POST", "/checkins", obj{"token": token}, http.StatusForbidden, "")
		e.problem(sec, "POST", "/checkins", obj{"token": tamper(t, token)}, http.StatusUnprocessableEntity, "token")
		ci := e.call(sec, "POST", "/checkins", obj{"token": token}, http.StatusCreated)
		if ci.str("delegate_id") != amal.str("id") || ci.str("checked_in_at") == "" {
			t.Fatalf("check-in %v", ci)
		}
		e.problem(sec, "POST", "/checkins", obj{"token": token}, http.StatusConflict, "")
		if v := e.call(nil, "GET", "/verify/"+token, nil, http.StatusOK); v["checked_in"] != true {
			t.Errorf("after check-in verify says %v", v)
		}
		if got := e.call(sec, "GET", d, nil, http.StatusOK).str("state"); got != "checked_in" {
			t.Errorf("delegate is %s after check-in", got)
		}

		// Nominations close at the cut-off.
		e.Clock.Advance(101 * 24 * time.Hour)
		e.problem(ngo, "POST", delegates, nominee("Late", "Comer", ""), http.StatusUnprocessableEntity, "nomination_cutoff_at")
		// A badge stops being valid when the conference is over.
		e.Clock.Advance(30 * 24 * time.Hour)
		if v := e.call(nil, "GET", "/verify/"+token, nil, http.StatusOK); v["valid"] != false {
			t.Errorf("an expired badge verifies: %v", v)
		}
	})
}

// TestCheckinRace: two scans of one badge at the same moment record one
// attendance; the other is a conflict.
func TestCheckinRace(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sec := e.secretariat()
		door := e.secretariat()
		ngo := e.ngo("Race Condition Watch", "NG", "AFR", "general")
		_, req := e.AccreditedRequest(sec, ngo, ngo.OrgID)
		d := e.badgeIssued(sec, ngo, req, nominee("Ada", "Obi", ""))
		token := e.call(sec, "GET", "/delegates/"+d+"/badge", nil, http.StatusOK).str("token")

		statuses := make([]int, 2)
		var wg sync.WaitGroup
		for i, u := range []*user{sec, door} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses[i] = e.do(u, "POST", "/checkins", obj{"token": token}).status
			}()
		}
		wg.Wait()
		created, conflicts := 0, 0
		for _, s := range statuses {
			switch s {
			case http.StatusCreated:
				created++
			case http.StatusConflict:
				conflicts++
			}
		}
		if created != 1 || conflicts != 1 {
			t.Fatalf("two scans answered %v, want one 201 and one 409", statuses)
		}
		if n := e.count("audit_events", "entity_id = ? AND event = ?", d, "check_in"); n != 1 {
			t.Errorf("%d check_in events, want 1", n)
		}
	})
}

// TestPassportPurge: the numbers go once the conference has ended and the
// retention period has run, not before, and the purge is on the record.
func TestPassportPurge(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		sec := e.secretariat()
		ngo := e.ngo("Retention Watch", "SN", "AFR", "roster")
		conf := e.conference(sec, "PURGE", 3)
		req := e.submitted(ngo, conf.str("id")).str("id")
		d := e.call(ngo, "POST", "/accreditation-requests/"+req+"/delegates", nominee("Awa", "Diop", "S9876543"), http.StatusCreated).str("id")
		e.call(ngo, "POST", "/accreditation-requests/"+req+"/delegates", nominee("Moussa", "Ba", "S1111111"), http.StatusCreated)

		// The conference ends 124 days from now; retention is 90 days.
		e.Clock.Advance((124 + 90) * 24 * time.Hour)
		if n, err := e.svc.PurgePassports(ctx); err != nil || n != 0 {
			t.Fatalf("purge on the last day of retention: %d, %v", n, err)
		}
		e.Clock.Advance(24 * time.Hour)
		if n, err := e.svc.PurgePassports(ctx); err != nil || n != 2 {
			t.Fatalf("purge after retention: %d, %v; want 2", n, err)
		}
		if n := e.count("delegates", "passport_number_enc IS NOT NULL"); n != 0 {
			t.Errorf("%d passport numbers left", n)
		}
		if n, err := e.svc.PurgePassports(ctx); err != nil || n != 0 {
			t.Errorf("a second purge: %d, %v", n, err)
		}
		if n := e.count("audit_events", "entity_id = ? AND event = ?", conf.str("id"), "passports_purged"); n != 1 {
			t.Errorf("%d purge events, want 1", n)
		}
		if _, err := e.svc.PassportNumber(ctx, actorOf(sec), d); accord.KindOf(err) != accord.KindNotFound {
			t.Errorf("reading a purged number: %v", err)
		}
		if got := e.call(ngo, "GET", "/delegates/"+d, nil, http.StatusOK).str("passport_hint"); got != "543" {
			t.Errorf("passport_hint after the purge: %q", got)
		}
	})
}

// actorOf is the service-level actor of a test user.
func actorOf(u *user) accord.Actor {
	return accord.Actor{UserID: u.ID, Role: u.Role, Country: u.Country, OrganizationID: u.OrgID}
}

func mustJSON(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func (o obj) raw(t *testing.T) []byte {
	t.Helper()
	b, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// tamper extends a token's expiry by a day, keeping the signature.
func tamper(t *testing.T, token string) string {
	t.Helper()
	raw, err := badgeB32.DecodeString(token)
	if err != nil || len(raw) != 101 {
		t.Fatalf("token %q: %v", token, err)
	}
	binary.BigEndian.PutUint32(raw[33:37], binary.BigEndian.Uint32(raw[33:37])+86400)
	return badgeB32.EncodeToString(raw)
}

// forge signs the token's payload with a key derived from another secret.
func forge(t *testing.T, token string) string {
	t.Helper()
	raw, _ := badgeB32.DecodeString(token)
	seed := make([]byte, ed25519.SeedSize)
	io.ReadFull(hkdf.New(sha256.New, []byte("another-secret-key-of-at-least-32-bytes!"), nil, []byte("accord badge")), seed)
	sig := ed25519.Sign(ed25519.NewKeyFromSeed(seed), raw[:37])
	return badgeB32.EncodeToString(append(raw[:37:37], sig...))
}

var badgeB32 = base32.StdEncoding.WithPadding(base32.NoPadding)
