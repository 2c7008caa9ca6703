package io.sigill.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class CallbackHostsTests {

  @Test
  void internalAddressesAreRefusedUnlessPrivateHostsAreAllowed() throws Exception {
    for (String host : new String[] {"127.0.0.1", "localhost", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
        "100.64.0.1", "0.0.0.0", "[::1]", "[fd00::1]", "[fe80::1]", "224.0.0.1"}) {
      URI uri = URI.create("https://" + host + "/hook");
      assertThat(CallbackHosts.refusal(uri, false)).as(host).isPresent();
      assertThat(CallbackHosts.refusal(uri, true)).as(host).isEmpty();
    }
  }

  @Test
  void publicAddressesMayReceive() throws Exception {
    for (String ip : new String[] {"93.184.216.34", "8.8.8.8", "100.128.0.1", "2001:4860:4860::8888"}) {
      assertThat(CallbackHosts.isInternal(InetAddress.getByName(ip))).as(ip).isFalse();
    }
    assertThat(CallbackHosts.refusal(URI.create("https://203.0.113.10/hook"), false)).isEmpty();
  }

  @Test
  void anUnresolvableHostIsRefused() {
    assertThat(CallbackHosts.refusal(URI.create("https://no-such-host.invalid/hook"), false))
        .hasValue("the callback host does not resolve");
  }
}
