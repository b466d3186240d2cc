package webhook

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// PrivateAddressError is a receiver refused because the address its name
// resolved to is loopback, private, link-local or otherwise not on the
// public internet.
type PrivateAddressError struct{ Addr netip.Addr }

func (e *PrivateAddressError) Error() string {
	return fmt.Sprintf("refused: %s is not a public address (set ACCORD_WEBHOOK_ALLOW_PRIVATE=true to allow it)", e.Addr)
}

// sharedAddressSpace is 100.64.0.0/10, carrier-grade NAT: not private by
// net/netip's definition, but not the public internet either.
var sharedAddressSpace = netip.MustParsePrefix("100.64.0.0/10")

// isPrivate reports whether ip is somewhere a webhook must not reach
// unless the operator allows it: the server itself, its network, cloud
// metadata services (169.254.169.254 is link-local).
func isPrivate(ip netip.Addr) bool {
	ip = ip.Unmap()
	return !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() ||
		ip.IsMulticast() || sharedAddressSpace.Contains(ip) ||
		(ip.Is4() && ip.As4()[0] == 0) // 0.0.0.0/8, "this network"
}

// refusePrivate is a net.Dialer Control function: it runs after the name
// is resolved and before the connection is made, with the very address
// about to be dialled, so a name that resolves to a private address (or
// comes to, between a check and the dial) is refused.
func refusePrivate(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("webhook dial %q: %w", address, err)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("webhook dial %q: %w", address, err)
	}
	if isPrivate(ip) {
		return &PrivateAddressError{Addr: ip}
	}
	return nil
}

// newClient is the HTTP client deliveries are posted with: a short
// timeout, no redirects followed (a receiver answers itself; a redirect is
// a failed attempt), no proxy from the environment (it would dial the
// receiver in our stead, past the address check), and, unless allowed,
// no private addresses.
func newClient(timeout time.Duration, allowPrivate bool) *http.Client {
	dialer := &net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		dialer.Control = refusePrivate
	}
	transport := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          20,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   timeout,
		ResponseHeaderTimeout: timeout,
	}
	return &http.Client{
		Timeout:   timeout,
		Transport: transport,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}
