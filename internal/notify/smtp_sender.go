package notify

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"net/url"
	"time"
)

// SMTPSender mails messages through one SMTP server.
type SMTPSender struct {
	addr        string // host:port
	host        string // the name the certificate and PLAIN auth are checked against
	implicitTLS bool   // smtps://: TLS from the first byte
	username    string
	password    string
	from        *mail.Address

	// TLSConfig, when set, replaces the system's trust for both STARTTLS
	// and implicit TLS; a server with a private certificate authority (or
	// a test with its own certificate) sets RootCAs here.
	TLSConfig *tls.Config
}

// NewSMTPSender reads rawURL — smtp://user:pass@host:port, which upgrades
// with STARTTLS whenever the server offers it, or smtps://…, which speaks
// TLS from the start — and from, the default From address.
func NewSMTPSender(rawURL, from string) (*SMTPSender, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("smtp url: %w", err)
	}
	s := &SMTPSender{host: u.Hostname()}
	port := u.Port()
	switch u.Scheme {
	case "smtp":
		if port == "" {
			port = "25"
		}
	case "smtps":
		s.implicitTLS = true
		if port == "" {
			port = "465"
		}
	default:
		return nil, fmt.Errorf("smtp url: scheme %q is neither smtp nor smtps", u.Scheme)
	}
	if s.host == "" {
		return nil, errors.New("smtp url: no host")
	}
	s.addr = net.JoinHostPort(s.host, port)
	if u.User != nil {
		s.username = u.User.Username()
		s.password, _ = u.User.Password()
	}
	if s.from, err = mail.ParseAddress(from); err != nil {
		return nil, fmt.Errorf("smtp from address %q: %w", from, err)
	}
	return s, nil
}

// Send delivers e in one SMTP session. ctx bounds the whole session: its
// deadline becomes the connection's, and cancelling it closes the
// connection.
func (s *SMTPSender) Send(ctx context.Context, e Email) error {
	from := s.from
	if e.From != "" {
		var err error
		if from, err = mail.ParseAddress(e.From); err != nil {
			return Permanent(fmt.Errorf("from address %q: %w", e.From, err))
		}
	}
	to, err := mail.ParseAddress(e.To)
	if err != nil {
		return Permanent(fmt.Errorf("recipient address %q: %w", e.To, err))
	}
	msg, err := buildMessage(from, to, e.Subject, e.Body, time.Now())
	if err != nil {
		return err
	}
	conn, err := s.dial(ctx)
	if err != nil {
		return fmt.Errorf("connect to %s: %w", s.addr, err)
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	if deadline, ok := ctx.Deadline(); ok {
		conn.SetDeadline(deadline)
	}
	if err := s.session(conn, from.Address, to.Address, msg); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("smtp %s: %w", s.addr, ctx.Err())
		}
		return fmt.Errorf("smtp %s: %w", s.addr, err)
	}
	return nil
}

func (s *SMTPSender) dial(ctx context.Context) (net.Conn, error) {
	d := &net.Dialer{Timeout: 30 * time.Second}
	if s.implicitTLS {
		td := &tls.Dialer{NetDialer: d, Config: s.tlsConfig()}
		return td.DialContext(ctx, "tcp", s.addr)
	}
	return d.DialContext(ctx, "tcp", s.addr)
}

func (s *SMTPSender) tlsConfig() *tls.Config {
	c := &tls.Config{MinVersion: tls.VersionTLS12}
	if s.TLSConfig != nil {
		c = s.TLSConfig.Clone()
	}
	if c.ServerName == "" {
		c.ServerName = s.host
	}
	return c
}

// session runs the SMTP dialogue on conn.
func (s *SMTPSender) session(conn net.Conn, from, to string, msg []byte) error {
	c, err := smtp.NewClient(conn, s.host)
	if err != nil {
		return err
	}
	defer c.Close()
	if !s.implicitTLS {
		if ok, _ := c.Extension("STARTTLS"); ok {
			if err := c.StartTLS(s.tlsConfig()); err != nil {
				return fmt.Errorf("starttls: %w", err)
			}
		}
	}
	if s.username != "" {
		if ok, _ := c.Extension("AUTH"); !ok {
			return errors.New("credentials are configured but the server offers no AUTH")
		}
		// net/smtp sends PLAIN only over TLS or to localhost, never in the
		// clear across a network.
		if err := c.Auth(smtp.PlainAuth("", s.username, s.password, s.host)); err != nil {
			return fmt.Errorf("auth: %w", err)
		}
	}
	if err := c.Mail(from); err != nil {
		return fmt.Errorf("mail from: %w", err)
	}
	if err := c.Rcpt(to); err != nil {
		// 5xx to RCPT: the server will never take mail for this address.
		var te *textproto.Error
		if errors.As(err, &te) && te.Code >= 500 {
			return Permanent(fmt.Errorf("rcpt to: %w", err))
		}
		return fmt.Errorf("rcpt to: %w", err)
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("data: %w", err)
	}
	if _, err := w.Write(msg); err != nil {
		return fmt.Errorf("data: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("data: %w", err)
	}
	// The server has taken the message: a failed goodbye must not make the
	// worker send it a second time.
	_ = c.Quit()
	return nil
}
