package webhook

import (
	"errors"
	"net/netip"
	"testing"
)

// The dial-time check refuses every address that is not on the public
// internet, IPv4 written as IPv6 included, and lets public ones through.
func TestRefusePrivateAddresses(t *testing.T) {
	for _, tc := range []struct {
		addr    string
		refused bool
	}{
		{"127.0.0.1:443", true},
		{"127.8.9.10:80", true},
		{"[::1]:443", true},
		{"10.1.2.3:443", true},
		{"172.16.0.1:443", true},
		{"192.168.1.1:443", true},
		{"169.254.169.254:80", true}, // cloud metadata
		{"[fe80::1]:443", true},
		{"[fd00::1]:443", true},
		{"100.64.0.1:443", true},
		{"0.0.0.0:443", true},
		{"0.1.2.3:443", true},
		{"[::]:443", true},
		{"[::ffff:127.0.0.1]:443", true},
		{"[::ffff:10.0.0.1]:443", true},
		{"224.0.0.1:443", true},
		{"93.184.215.14:443", false},
		{"[2606:4700::1111]:443", false},
		{"100.128.0.1:443", false},
	} {
		err := refusePrivate("tcp", tc.addr, nil)
		var pe *PrivateAddressError
		if got := errors.As(err, &pe); got != tc.refused {
			t.Errorf("%s: refused %v (%v), want %v", tc.addr, got, err, tc.refused)
		}
	}
	if isPrivate(netip.MustParseAddr("8.8.8.8")) {
		t.Error("8.8.8.8 taken for private")
	}
}
