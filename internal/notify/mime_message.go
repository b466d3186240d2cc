package notify

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"
)

// buildMessage writes a complete RFC 5322 message: plain UTF-8 text,
// quoted-printable, with the subject RFC 2047-encoded so that Arabic and
// accented subjects survive any relay.
func buildMessage(from, to *mail.Address, subject, body string, date time.Time) ([]byte, error) {
	var b bytes.Buffer
	header := func(name, value string) { fmt.Fprintf(&b, "%s: %s\r\n", name, value) }
	header("Date", date.Format(time.RFC1123Z))
	header("From", from.String())
	header("To", to.String())
	header("Subject", encodeSubject(subject))
	header("Message-ID", messageID(from.Address))
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=UTF-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	// Notifications are not conversations: ask vacation responders to stay
	// quiet (RFC 3834).
	header("Auto-Submitted", "auto-generated")
	b.WriteString("\r\n")

	body = strings.ReplaceAll(body, "\r\n", "\n")
	if !strings.HasSuffix(body, "\n") {
		body += "\n"
	}
	qp := quotedprintable.NewWriter(&b) // turns each "\n" into CRLF
	if _, err := qp.Write([]byte(body)); err != nil {
		return nil, fmt.Errorf("encode body: %w", err)
	}
	if err := qp.Close(); err != nil {
		return nil, fmt.Errorf("encode body: %w", err)
	}
	return b.Bytes(), nil
}

// encodeSubject returns subject as one header value: ASCII as it is,
// anything else as base64 encoded-words, folded between words so that no
// line grows past what relays accept.
func encodeSubject(subject string) string {
	subject = strings.Join(strings.Fields(subject), " ")
	enc := mime.BEncoding.Encode("UTF-8", subject)
	return strings.ReplaceAll(enc, "?= =?", "?=\r\n =?")
}

// messageID is a unique id in the sender's domain.
func messageID(fromAddress string) string {
	domain := "accord.invalid"
	if i := strings.LastIndexByte(fromAddress, '@'); i >= 0 && i < len(fromAddress)-1 {
		domain = fromAddress[i+1:]
	}
	r := make([]byte, 16)
	rand.Read(r)
	return "<" + hex.EncodeToString(r) + "@" + domain + ">"
}
