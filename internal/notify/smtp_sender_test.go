package notify_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"log/slog"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/notify"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestSMTPSenderDeliversToMailpit sends an Arabic notice through the outbox
// worker and a real SMTP server, once per way of connecting, and reads it
// back from the server.
func TestSMTPSenderDeliversToMailpit(t *testing.T) {
	certFile, keyFile, cert := selfSignedCert(t)
	trust := x509.NewCertPool()
	trust.AddCert(cert)
	tlsArgs := []string{"--smtp-tls-cert", certFile, "--smtp-tls-key", keyFile}

	cases := []struct {
		name   string
		scheme string
		args   []string
		trust  bool
	}{
		// net/smtp sends PLAIN unencrypted only to a loopback server.
		{"plain with auth on loopback", "smtp", []string{"--smtp-auth-allow-insecure"}, false},
		{"starttls required", "smtp", append([]string{"--smtp-require-starttls"}, tlsArgs...), true},
		{"implicit tls", "smtps", append([]string{"--smtp-require-tls"}, tlsArgs...), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			server := startMailpit(t, append([]string{"--smtp-auth-accept-any"}, c.args...)...)
			sender, err := notify.NewSMTPSender(c.scheme+"://accord:s3cret@"+server.smtpAddr, "Accord <hub@accord.example.org>")
			if err != nil {
				t.Fatal(err)
			}
			if c.trust {
				sender.TLSConfig = &tls.Config{RootCAs: trust}
			}

			db := storetest.SQLite(t)
			data := map[string]any{
				"title": "تمت الموافقة على طلب عضوية منظمتكم",
				"text":  "يسرّنا إبلاغكم بأن منسق منطقة الشرق الأوسط وشمال أفريقيا وافق على طلبكم.",
				"url":   "https://accord.example.org/applications/42",
			}
			enqueue(t, db, notify.Recipient{UserID: uuid.NewString(), Email: "ngo@example.org", Locale: "ar"}, "notice", data)
			w := notify.NewWorker(db, sender, notify.WithLogger(slog.New(slog.DiscardHandler)))
			n, err := w.SendDue(context.Background())
			if err != nil || n != 1 {
				m := messages(t, db)[0]
				t.Fatalf("SendDue = %d, %v; message %s: %s", n, err, m.Status, m.LastError)
			}
			if m := messages(t, db)[0]; m.Status != notify.StatusSent {
				t.Fatalf("status %q (%s), want sent", m.Status, m.LastError)
			}

			got := server.received(t)
			if len(got) != 1 {
				t.Fatalf("mailpit holds %d messages, want 1", len(got))
			}
			m := got[0]
			if len(m.To) != 1 || m.To[0].Address != "ngo@example.org" {
				t.Errorf("to = %+v", m.To)
			}
			if m.From.Address != "hub@accord.example.org" || m.From.Name != "Accord" {
				t.Errorf("from = %+v", m.From)
			}
			if m.Subject != data["title"] {
				t.Errorf("subject = %q, want %q", m.Subject, data["title"])
			}
			for _, want := range []string{data["text"].(string), "للاطلاع على التفاصيل في منصة Accord: " + data["url"].(string)} {
				if !strings.Contains(m.Text, want) {
					t.Errorf("body lacks %q:\n%s", want, m.Text)
				}
			}
			if m.Username != "accord" {
				t.Errorf("authenticated as %q, want accord", m.Username)
			}
			h := server.headers(t, m.ID)
			if s := strings.Join(h["Subject"], ""); !strings.HasPrefix(s, "=?UTF-8?b?") {
				t.Errorf("raw Subject %q is not RFC 2047-encoded", s)
			}
			for name, want := range map[string]string{
				"Content-Type":              "text/plain; charset=UTF-8",
				"Content-Transfer-Encoding": "quoted-printable",
				"Mime-Version":              "1.0",
			} {
				if got := strings.Join(h[name], ""); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			if len(h["Message-Id"]) != 1 || len(h["Date"]) != 1 {
				t.Errorf("Message-ID %v, Date %v", h["Message-Id"], h["Date"])
			}
		})
	}
}

// TestSMTPSenderRefusesAnUntrustedCertificate: STARTTLS to a server whose
// certificate nobody vouches for fails, rather than sending the password
// and the message to whoever answers.
func TestSMTPSenderRefusesAnUntrustedCertificate(t *testing.T) {
	certFile, keyFile, _ := selfSignedCert(t)
	server := startMailpit(t, "--smtp-auth-accept-any", "--smtp-require-starttls",
		"--smtp-tls-cert", certFile, "--smtp-tls-key", keyFile)
	sender, err := notify.NewSMTPSender("smtp://accord:s3cret@"+server.smtpAddr, "hub@accord.example.org")
	if err != nil {
		t.Fatal(err)
	}
	err = sender.Send(context.Background(), notify.Email{To: "ngo@example.org", Subject: "x", Body: "y"})
	if err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("Send = %v, want a certificate error", err)
	}
	if got := server.received(t); len(got) != 0 {
		t.Fatalf("mailpit received %d messages", len(got))
	}
}

func TestNewSMTPSenderRejectsBadSettings(t *testing.T) {
	for _, c := range []struct{ url, from string }{
		{"http://mail.example.org", "hub@example.org"},
		{"smtp://", "hub@example.org"},
		{"smtp://mail.example.org:587", "not an address"},
		{"smtp://mail.example.org:587", ""},
	} {
		if _, err := notify.NewSMTPSender(c.url, c.from); err == nil {
			t.Errorf("NewSMTPSender(%q, %q) accepted", c.url, c.from)
		}
	}
	if _, err := notify.NewSMTPSender("smtps://u:p@mail.example.org", "Accord <hub@example.org>"); err != nil {
		t.Errorf("a good URL refused: %v", err)
	}
}
