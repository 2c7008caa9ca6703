package io.sigill.signing;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where webhooks may go: a callback URL chosen by a customer must not make Sigill call into its
 * own network (server-side request forgery). Hosts resolving to loopback, private, link-local,
 * shared (100.64.0.0/10), unique-local IPv6, wildcard or multicast addresses are refused unless
 * the operator allows private hosts ({@code SIGILL_WEBHOOKS_ALLOW_PRIVATE_HOSTS}, e.g. for an
 * on-premises receiver). Checked when the URL is set and again before every delivery, so a DNS
 * change after the check does not open the door.
 */
final class CallbackHosts {

  private CallbackHosts() {}

  /** Why a delivery to this URL is refused, or empty when it may go. */
  static Optional<String> refusal(URI uri, boolean allowPrivate) {
    if (allowPrivate) {
      return Optional.empty();
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      return Optional.of("the callback host does not resolve");
    }
    for (InetAddress address : addresses) {
      if (isInternal(address)) {
        return Optional.of("the callback host resolves to a private or local address");
      }
    }
    return Optional.empty();
  }

  static boolean isInternal(InetAddress a) {
    if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
    }
    return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10 shared address space
  }
}
