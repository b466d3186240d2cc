package webhook_test

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/testenv"
)

// The operator lists, adds and removes subscriptions and reads the
// delivery log on the web, in their language; others are refused.
func TestOperatorManagesWebhooksOnTheWeb(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		rcv := newReceiver(t, http.StatusServiceUnavailable)
		admin := e.Person(auth.CreateUserInput{Role: accord.RoleAdmin, Locale: "fr"})
		sec := e.Staff(accord.RoleSecretariat)
		b := e.Browser("fr")
		b.SignIn(admin.Email, testenv.Password)
		b.Get("/webhooks").WantContains(t, "Abonner une adresse", "Aucune adresse n’est encore abonnée.", `href="/webhooks"`)

		bad := b.Submit("/webhooks", "/webhooks", url.Values{
			"webhook_url": {rcv.URL}, "webhook_events": {"membership.suspended"}, "webhook_secret": {"court"},
		})
		bad.WantStatus(t, http.StatusUnprocessableEntity)
		bad.WantContains(t, "Le secret doit compter de 16 à 256 caractères.", `value="membership.suspended" checked`)

		b.Submit("/webhooks", "/webhooks", url.Values{
			"webhook_url": {rcv.URL + "/accord"}, "webhook_events": {"membership.suspended", "delegate.checked_in"},
			"webhook_secret": {secret},
		}).WantRedirect(t, "/webhooks?notice=webhook_added")
		list := b.Get("/webhooks?notice=webhook_added")
		list.WantContains(t, rcv.URL+"/accord", "<code>delegate.checked_in</code>", "L’adresse est abonnée.")
		list.WantLacks(t, secret)
		link := regexp.MustCompile(`href="/webhooks/([0-9a-f-]{36})"`).FindStringSubmatch(list.Body)
		if link == nil {
			t.Fatalf("no link to the delivery log in %s", testenv.Excerpt(list.Body))
		}

		other := e.Browser("en")
		other.SignIn(sec.Email, testenv.Password)
		other.Get("/webhooks").WantStatus(t, http.StatusForbidden)
		other.Get("/webhooks/"+link[1]).WantStatus(t, http.StatusForbidden)

		id := activeMember(e)
		e.Fire(sec, "/memberships/"+id, "suspend", "dues unpaid").Want(t, http.StatusOK)
		deliverDue(e)
		b.Get("/webhooks/"+link[1]).WantContains(t, "Journal des envois", "<code>membership.suspended</code>", "HTTP 503", "En attente")

		b.Submit("/webhooks", "/webhooks/"+link[1]+"/delete", url.Values{}).WantRedirect(t, "/webhooks?notice=webhook_removed")
		b.Get("/webhooks").WantContains(t, "Aucune adresse n’est encore abonnée.")
		b.Get("/webhooks?lang=ar").WantContains(t, `lang="ar"`, "خطافات الويب", "اشتراك عنوان")
		b.Get("/webhooks?lang=es").WantContains(t, "Suscribir una dirección")
	}, allowPrivate())
}
