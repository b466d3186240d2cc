package notify

import (
	"bytes"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"
	"time"
)

func TestBuildMessageSurvivesArabic(t *testing.T) {
	subject := strings.Repeat("تمت الموافقة على طلب العضوية — ", 4)
	body := "السلام عليكم،\nتمت الموافقة على طلبكم. Résumé: ok.\n" + strings.Repeat("ن", 200) + "\n"
	from := &mail.Address{Name: "أمانة التحالف", Address: "hub@accord.example.org"}
	to := &mail.Address{Address: "ngo@example.org"}
	raw, err := buildMessage(from, to, subject, body, time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := bytes.Cut(raw, []byte("\r\n\r\n"))
	for _, line := range strings.Split(string(head), "\r\n") {
		if len(line) > 998 {
			t.Errorf("header line of %d bytes", len(line))
		}
		for _, r := range line {
			if r > 127 {
				t.Fatalf("raw non-ASCII in header line %q", line)
			}
		}
	}

	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	var dec mime.WordDecoder
	got, err := dec.DecodeHeader(msg.Header.Get("Subject"))
	if err != nil || got != strings.TrimSpace(subject) {
		t.Fatalf("subject decodes to %q (%v), want %q", got, err, strings.TrimSpace(subject))
	}
	gotFrom, err := msg.Header.AddressList("From")
	if err != nil || gotFrom[0].Name != from.Name || gotFrom[0].Address != from.Address {
		t.Fatalf("from = %v, %v", gotFrom, err)
	}
	for name, want := range map[string]string{
		"MIME-Version":              "1.0",
		"Content-Type":              "text/plain; charset=UTF-8",
		"Content-Transfer-Encoding": "quoted-printable",
		"To":                        "<ngo@example.org>",
		"Date":                      "Sun, 01 Mar 2026 09:00:00 +0000",
	} {
		if v := msg.Header.Get(name); v != want {
			t.Errorf("%s = %q, want %q", name, v, want)
		}
	}
	if id := msg.Header.Get("Message-ID"); !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, "@accord.example.org>") {
		t.Errorf("Message-ID = %q", id)
	}
	text, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.ReplaceAll(string(text), "\r\n", "\n"); got != body {
		t.Fatalf("body decodes to %q, want %q", got, body)
	}
}

func TestRetryDelayDoublesUpToAnHour(t *testing.T) {
	want := []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute,
		8 * time.Minute, 16 * time.Minute, 32 * time.Minute, time.Hour, time.Hour, time.Hour}
	for i, w := range want {
		for range 50 {
			if d := retrySchedule.Delay(i + 1); d > w || d < w*4/5 {
				t.Fatalf("retryDelay(%d) = %v, want between %v and %v", i+1, d, w*4/5, w)
			}
		}
	}
	if d := retrySchedule.Delay(1000); d > time.Hour {
		t.Fatalf("retryDelay(1000) = %v, past the cap", d)
	}
}
