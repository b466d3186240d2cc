package notify_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Mailpit is a real SMTP server with a REST API, built from the module's
// tool dependency (go.mod: tool github.com/axllent/mailpit). The tests run
// it as a separate process on loopback ports of their own.

var (
	mailpitOnce sync.Once
	mailpitPath string
	mailpitErr  error
)

// mailpitBinary returns the path of the mailpit executable: $MAILPIT_BIN,
// else the one `go tool` builds.
func mailpitBinary(t *testing.T) string {
	t.Helper()
	mailpitOnce.Do(func() {
		if p := os.Getenv("MAILPIT_BIN"); p != "" {
			mailpitPath = p
			return
		}
		var stderr bytes.Buffer
		cmd := exec.Command("go", "tool", "-n", "mailpit")
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			mailpitErr = fmt.Errorf("go tool -n mailpit: %v: %s", err, stderr.String())
			return
		}
		mailpitPath = strings.TrimSpace(string(out))
	})
	if mailpitErr != nil {
		mailpitUnavailable(t, mailpitErr)
	}
	return mailpitPath
}

// mailpitUnavailable fails the test under CI, where the SMTP path must be
// proven, and skips it elsewhere.
func mailpitUnavailable(t *testing.T, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("the Mailpit SMTP server is required under CI=true: %v", err)
	}
	t.Skipf("Mailpit SMTP server unavailable (set MAILPIT_BIN or allow `go tool mailpit` to build): %v", err)
}

type mailpit struct {
	smtpAddr string // host:port
	api      string // http://host:port
}

// startMailpit runs a fresh Mailpit with args added to the defaults and
// stops it when the test ends.
func startMailpit(t *testing.T, args ...string) mailpit {
	t.Helper()
	bin := mailpitBinary(t)
	m := mailpit{smtpAddr: freeAddr(t)}
	httpAddr := freeAddr(t)
	m.api = "http://" + httpAddr
	var logs bytes.Buffer
	cmd := exec.Command(bin, append([]string{
		"--smtp", m.smtpAddr,
		"--listen", httpAddr,
		"--database", filepath.Join(t.TempDir(), "mailpit.db"),
		"--disable-version-check",
		"--smtp-disable-rdns",
	}, args...)...)
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		mailpitUnavailable(t, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		if t.Failed() {
			t.Logf("mailpit output:\n%s", logs.String())
		}
	})

	deadline := time.Now().Add(20 * time.Second)
	for {
		select {
		case err := <-exited:
			exited <- err
			mailpitUnavailable(t, fmt.Errorf("mailpit exited: %v\n%s", err, logs.String()))
		default:
		}
		if ready(m) {
			return m
		}
		if time.Now().After(deadline) {
			mailpitUnavailable(t, fmt.Errorf("mailpit did not listen within 20s:\n%s", logs.String()))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func ready(m mailpit) bool {
	c, err := net.DialTimeout("tcp", m.smtpAddr, time.Second)
	if err != nil {
		return false
	}
	c.Close()
	res, err := http.Get(m.api + "/readyz")
	if err != nil {
		return false
	}
	res.Body.Close()
	return res.StatusCode == http.StatusOK
}

// freeAddr returns a loopback address with a port nobody listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

type mailpitAddress struct{ Name, Address string }

type mailpitMessage struct {
	ID       string
	From     mailpitAddress
	To       []mailpitAddress
	Subject  string
	Text     string
	Username string
}

// received returns the messages Mailpit holds, each read in full.
func (m mailpit) received(t *testing.T) []mailpitMessage {
	t.Helper()
	var list struct{ Messages []mailpitMessage }
	m.get(t, "/api/v1/messages", &list)
	var full []mailpitMessage
	for _, s := range list.Messages {
		var msg mailpitMessage
		m.get(t, "/api/v1/message/"+s.ID, &msg)
		full = append(full, msg)
	}
	return full
}

// headers returns the raw (undecoded) headers of message id.
func (m mailpit) headers(t *testing.T, id string) map[string][]string {
	t.Helper()
	var h map[string][]string
	m.get(t, "/api/v1/message/"+id+"/headers", &h)
	return h
}

func (m mailpit) get(t *testing.T, path string, v any) {
	t.Helper()
	res, err := http.Get(m.api + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", path, res.Status)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

// selfSignedCert writes a certificate for 127.0.0.1 and its key, and
// returns their paths and the certificate for a trust pool.
func selfSignedCert(t *testing.T) (certFile, keyFile string, cert *x509.Certificate) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tpl := &x509.Certificate{
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		Subject:               pkix.Name{CommonName: "mailpit test"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		DNSNames:              []string{"localhost"},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	if cert, err = x509.ParseCertificate(der); err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return certFile, keyFile, cert
}
