package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// Header names of a delivery (docs/api.md, Webhooks).
const (
	HeaderSignature = "Accord-Signature"
	HeaderDelivery  = "Accord-Delivery"
)

// Signature is the Accord-Signature header for body sent at t:
// "t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">". Signing the
// time with the body lets a receiver refuse an old delivery replayed.
func Signature(secret []byte, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + hex.EncodeToString(mac(secret, ts, body))
}

// Verify checks an Accord-Signature header against body and secret, as a
// receiver does, and returns the signed time. It does not judge the time:
// a receiver decides how old a delivery it accepts.
func Verify(secret []byte, header string, body []byte) (time.Time, bool) {
	var ts, v1 string
	for part := range strings.SplitSeq(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			v1 = v
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	got, herr := hex.DecodeString(v1)
	if err != nil || herr != nil || !hmac.Equal(got, mac(secret, ts, body)) {
		return time.Time{}, false
	}
	return time.Unix(sec, 0).UTC(), true
}

func mac(secret []byte, ts string, body []byte) []byte {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte(ts))
	h.Write([]byte("."))
	h.Write(body)
	return h.Sum(nil)
}
