package webui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
)

// The accreditation scenarios the pages' tests start from, made through
// the pages as people would: a conference, a submitted request, the
// request where delegates are nominated. The site and its browsers are in
// accreditation_harness_test.go.

// conferenceForm is the conference form filled for a conference opening
// in startsIn days, its requests open now.
func conferenceForm(code string, now time.Time, startsIn, maxDelegates int) url.Values {
	day := func(d int) string { return now.AddDate(0, 0, d).Format("2006-01-02") }
	at := func(d time.Duration) string { return now.Add(d).UTC().Format("2006-01-02T15:04") }
	return url.Values{
		"conf_code": {code}, "conf_title": {"Conference " + code}, "conf_title_fr": {"Conférence " + code},
		"conf_title_ar": {"مؤتمر " + code}, "conf_venue": {"Vienna International Centre"},
		"conf_starts_on": {day(startsIn)}, "conf_ends_on": {day(startsIn + 4)},
		"conf_accreditation_opens_at":  {at(-24 * time.Hour)},
		"conf_accreditation_closes_at": {at(time.Duration(startsIn/2) * 24 * time.Hour)},
		"conf_nomination_cutoff_at":    {at(time.Duration(startsIn-10) * 24 * time.Hour)},
		"conf_max_delegates":           {strconv.Itoa(maxDelegates)}, "conf_objection_period_days": {"30"},
		"conf_name_objecting_states": {"on"},
	}
}

// createConference has the secretariat create conference code through
// its form (see conferenceForm).
func (b *browser) createConference(t *testing.T, code string, now time.Time, startsIn, maxDelegates int) {
	t.Helper()
	b.submit("/accreditation/conferences/new", "/accreditation/conferences", conferenceForm(code, now, startsIn, maxDelegates)).
		wantRedirect(t, "/conferences/"+code)
}

// nominating is where delegates are nominated: conference CoSP11 of
// maxDelegates places, created by the secretariat (sec, reading
// secLocale), and the request to it of Tunisian Integrity Watch, whose
// applicant (ngo, reading ngoLocale) has submitted it from page.
type nominating struct {
	sec, ngo *browser
	org      membership.Organization
	id, page string
}

func (s *accSite) nominating(t *testing.T, secLocale, ngoLocale string, maxDelegates int) nominating {
	t.Helper()
	var n nominating
	_, n.sec = s.person(accord.RoleSecretariat, "sec@example.org", secLocale, "")
	n.sec.createConference(t, "CoSP11", s.clock.Now(), 120, maxDelegates)
	n.org, n.ngo = s.ngo("Tunisian Integrity Watch", "TN", "general", "tiw@example.org", ngoLocale)
	n.id = n.ngo.requestAndSubmit(t, "CoSP11", "general")
	n.page = "/accreditation-requests/" + n.id
	return n
}

// requestAndSubmit starts the NGO's request to the conference through
// its form, submits it from its page, and returns its id.
func (b *browser) requestAndSubmit(t *testing.T, code, ecosoc string) string {
	t.Helper()
	r := b.submit("/conferences/"+code+"/accreditation-requests/new", "/conferences/"+code+"/accreditation-requests",
		url.Values{"req_ecosoc_status": {ecosoc}, "req_motivation": {"We monitor the Convention's implementation."}})
	r.wantRedirect(t, "/accreditation-requests/")
	id := requestIDRE.FindStringSubmatch(r.Header.Get("Location"))[1]
	page := b.get("/accreditation-requests/" + id)
	page.wantStatus(t, http.StatusOK)
	b.fire(t, "/accreditation-requests/"+id, id, "submit", "", "").wantRedirect(t, "/accreditation-requests/"+id+"?notice=acc_submitted")
	return id
}

var requestIDRE = regexp.MustCompile(`/accreditation-requests/([0-9a-f-]{36})`)

// delegateOn is the id of the delegate named on a request page.
func delegateOn(t *testing.T, page response, name string) string {
	t.Helper()
	// The heading's text, tags left out: a title stands in a span of its
	// own before the Latin name.
	tags := regexp.MustCompile(`<[^>]+>`)
	for _, m := range regexp.MustCompile(`(?s)id="delegate-([0-9a-f-]{36})">\s*<h3>(.*?)</h3>`).FindAllStringSubmatch(page.body, -1) {
		if strings.HasPrefix(tags.ReplaceAllString(m[2], ""), name) {
			return m[1]
		}
	}
	t.Fatalf("%s is not listed\n%s", name, excerpt(page.body))
	return ""
}
