package testenv

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"net/url"
	"testing"

	"github.com/pquerna/otp/totp"
)

// Authenticator is a software WebAuthn authenticator for tests: one
// ECDSA P-256 credential, "none" attestation, its answers built by hand
// (clientDataJSON, CBOR attestation object, authenticator data and
// signature) as a browser and a security key would send them. Its fields
// can be changed between ceremonies to make a wrong answer: another
// Origin, a SignCount set back.
type Authenticator struct {
	// Origin is what the browser writes in clientDataJSON.
	Origin       string
	CredentialID []byte
	// UserHandle is the user id the relying party gave at registration.
	UserHandle []byte
	// SignCount is the counter of the last signature; each signature
	// adds one before signing.
	SignCount uint32
	key       *ecdsa.PrivateKey
	rpID      string
}

// NewAuthenticator makes an authenticator used from origin (the page's
// scheme, host and port), whose host is the relying party's id.
func NewAuthenticator(t testing.TB, origin string) *Authenticator {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(origin)
	if err != nil {
		t.Fatal(err)
	}
	id := make([]byte, 32)
	rand.Read(id) // never fails (crypto/rand panics instead)
	return &Authenticator{Origin: origin, CredentialID: id, key: key, rpID: u.Hostname()}
}

var b64 = base64.RawURLEncoding

type creationOptions struct {
	PublicKey struct {
		Challenge string `json:"challenge"`
		RP        struct {
			ID string `json:"id"`
		} `json:"rp"`
		User struct {
			ID string `json:"id"`
		} `json:"user"`
	} `json:"publicKey"`
}

type requestOptions struct {
	PublicKey struct {
		Challenge string `json:"challenge"`
		RPID      string `json:"rpId"`
	} `json:"publicKey"`
}

// Register answers the options of navigator.credentials.create (the JSON
// the server sent) with the PublicKeyCredential's JSON form.
func (a *Authenticator) Register(t testing.TB, options []byte) json.RawMessage {
	t.Helper()
	var o creationOptions
	if err := json.Unmarshal(options, &o); err != nil {
		t.Fatalf("creation options: %v\n%s", err, options)
	}
	if o.PublicKey.RP.ID != "" {
		a.rpID = o.PublicKey.RP.ID
	}
	handle, err := b64.DecodeString(o.PublicKey.User.ID)
	if err != nil {
		t.Fatalf("user id %q: %v", o.PublicKey.User.ID, err)
	}
	a.UserHandle = handle
	clientData := a.clientData("webauthn.create", o.PublicKey.Challenge)

	// COSE_Key of the public key: kty EC2, alg ES256, crv P-256, x, y.
	// The uncompressed point is 0x04, then x and y of 32 bytes each.
	point, err := a.key.PublicKey.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	x, y := point[1:33], point[33:65]
	cose := cborMap(
		cborInt(1), cborInt(2),
		cborInt(3), cborInt(-7),
		cborInt(-1), cborInt(1),
		cborInt(-2), cborBytes(x),
		cborInt(-3), cborBytes(y),
	)
	authData := a.authData(0x45) // user present, verified, attested data
	authData = append(authData, make([]byte, 16)...)
	authData = binary.BigEndian.AppendUint16(authData, uint16(len(a.CredentialID)))
	authData = append(authData, a.CredentialID...)
	authData = append(authData, cose...)
	attObj := cborMap(
		cborText("fmt"), cborText("none"),
		cborText("attStmt"), cborMap(),
		cborText("authData"), cborBytes(authData),
	)
	return a.credential(map[string]any{
		"clientDataJSON":    b64.EncodeToString(clientData),
		"attestationObject": b64.EncodeToString(attObj),
		"transports":        []string{"internal"},
	})
}

// Assert answers the options of navigator.credentials.get with a signed
// assertion, the counter one higher than the last.
func (a *Authenticator) Assert(t testing.TB, options []byte) json.RawMessage {
	t.Helper()
	var o requestOptions
	if err := json.Unmarshal(options, &o); err != nil {
		t.Fatalf("request options: %v\n%s", err, options)
	}
	if o.PublicKey.RPID != "" {
		a.rpID = o.PublicKey.RPID
	}
	clientData := a.clientData("webauthn.get", o.PublicKey.Challenge)
	a.SignCount++
	authData := a.authData(0x05) // user present, verified
	sum := sha256.Sum256(clientData)
	digest := sha256.Sum256(append(append([]byte{}, authData...), sum[:]...))
	sig, err := ecdsa.SignASN1(rand.Reader, a.key, digest[:])
	if err != nil {
		t.Fatal(err)
	}
	return a.credential(map[string]any{
		"clientDataJSON":    b64.EncodeToString(clientData),
		"authenticatorData": b64.EncodeToString(authData),
		"signature":         b64.EncodeToString(sig),
		"userHandle":        b64.EncodeToString(a.UserHandle),
	})
}

func (a *Authenticator) clientData(typ, challenge string) []byte {
	b, _ := json.Marshal(map[string]any{"type": typ, "challenge": challenge, "origin": a.Origin, "crossOrigin": false})
	return b
}

// authData is the relying party id's hash, the flags and the counter.
func (a *Authenticator) authData(flags byte) []byte {
	rp := sha256.Sum256([]byte(a.rpID))
	out := append(rp[:], flags)
	return binary.BigEndian.AppendUint32(out, a.SignCount)
}

func (a *Authenticator) credential(response map[string]any) json.RawMessage {
	id := b64.EncodeToString(a.CredentialID)
	b, _ := json.Marshal(map[string]any{
		"id": id, "rawId": id, "type": "public-key", "response": response,
		"clientExtensionResults": map[string]any{}, "authenticatorAttachment": "platform",
	})
	return b
}

// The little CBOR (RFC 8949) the answers need: integers, byte and text
// strings, and maps of them.

func cborHead(major byte, n uint64) []byte {
	m := major << 5
	switch {
	case n < 24:
		return []byte{m | byte(n)}
	case n < 1<<8:
		return []byte{m | 24, byte(n)}
	case n < 1<<16:
		return binary.BigEndian.AppendUint16([]byte{m | 25}, uint16(n))
	case n < 1<<32:
		return binary.BigEndian.AppendUint32([]byte{m | 26}, uint32(n))
	}
	return binary.BigEndian.AppendUint64([]byte{m | 27}, n)
}

func cborInt(n int64) []byte {
	if n < 0 {
		return cborHead(1, uint64(-1-n))
	}
	return cborHead(0, uint64(n))
}

func cborBytes(b []byte) []byte { return append(cborHead(2, uint64(len(b))), b...) }

func cborText(s string) []byte { return append(cborHead(3, uint64(len(s))), s...) }

// cborMap encodes keys and values given in turn.
func cborMap(kv ...[]byte) []byte {
	out := cborHead(5, uint64(len(kv)/2))
	for _, item := range kv {
		out = append(out, item...)
	}
	return out
}

// TOTPCode is the code an authenticator app holding secret shows at the
// environment's clock.
func (e *Env) TOTPCode(secret string) string {
	e.T.Helper()
	code, err := totp.GenerateCode(secret, e.Clock.Now())
	if err != nil {
		e.T.Fatalf("make a TOTP code: %v", err)
	}
	return code
}
