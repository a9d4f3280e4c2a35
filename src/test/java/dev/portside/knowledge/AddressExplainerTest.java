package dev.portside.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.AddressScope;
import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Protocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressExplainerTest {

    /** A fixed set of interfaces, so the test does not depend on this machine's network. */
    private static final Map<String, String> INTERFACES = Map.of(
            "192.168.1.23", "wlan0",
            "10.8.0.2", "tun0",
            "172.17.0.1", "docker0",
            "169.254.10.20", "eth0",
            "100.101.102.103", "tailscale0",
            "fe80::1c2b:3aff:fe4d:5e6f", "wlan0",
            "fd12:3456:789a::1", "wg0",
            "2001:db8::42", "eth0",
            "203.0.113.7", "eth0");

    private final AddressExplainer explainer = new AddressExplainer(
            a -> Optional.ofNullable(INTERFACES.get(a.toString())));

    @ParameterizedTest(name = "{0}: {1} {2} [{3}] exposed={4}")
    @CsvSource({
        // address, scope, kind, interface, exposed, words in the explanation
        "127.0.0.1,              LOOPBACK,       LOOPBACK,    '',         false, 'Only programs on this computer'",
        "127.0.0.53,             LOOPBACK,       LOOPBACK,    '',         false, '127.255.255.255 is loopback'",
        "127.1.2.3,              LOOPBACK,       LOOPBACK,    '',         false, 'nothing crosses the network'",
        "::1,                    LOOPBACK,       LOOPBACK,    '',         false, 'IPv6 loopback'",
        "::ffff:127.0.0.1,       LOOPBACK,       LOOPBACK,    '',         false, 'IPv4-mapped'",
        "0.0.0.0,                ALL_INTERFACES, UNSPECIFIED, '',         true,  'every IPv4 address'",
        "::,                     ALL_INTERFACES, UNSPECIFIED, '',         true,  'also takes IPv4 connections'",
        "::ffff:0.0.0.0,         ALL_INTERFACES, UNSPECIFIED, '',         true,  'IPv4-mapped'",
        "192.168.1.23,           INTERFACE,      PRIVATE,     wlan0,      false, 'private address'",
        "10.8.0.2,               INTERFACE,      PRIVATE,     tun0,       false, 'network interface tun0'",
        "172.17.0.1,             INTERFACE,      PRIVATE,     docker0,    false, 'Docker network'",
        "172.31.255.1,           INTERFACE,      PRIVATE,     '',         false, 'No network interface'",
        "172.32.0.1,             INTERFACE,      PUBLIC,      '',         true,  'public address'",
        "169.254.10.20,          INTERFACE,      LINK_LOCAL,  eth0,       false, 'same network link'",
        "100.101.102.103,        INTERFACE,      SHARED,      tailscale0, false, 'Tailscale'",
        "100.128.0.1,            INTERFACE,      PUBLIC,      '',         true,  'public address'",
        "224.0.0.251,            INTERFACE,      MULTICAST,   '',         false, 'multicast'",
        "ff02::fb,               INTERFACE,      MULTICAST,   '',         false, 'multicast'",
        "fe80::1c2b:3aff:fe4d:5e6f, INTERFACE,   LINK_LOCAL,  wlan0,      false, 'link-local'",
        "fd12:3456:789a::1,      INTERFACE,      PRIVATE,     wg0,        false, 'private address'",
        "fec0::1,                INTERFACE,      PRIVATE,     '',         false, 'private address'",
        "2001:db8::42,           INTERFACE,      PUBLIC,      eth0,       true,  'internet'",
        "203.0.113.7,            INTERFACE,      PUBLIC,      eth0,       true,  'belongs to the network interface eth0'",
        "8.8.8.8,                INTERFACE,      PUBLIC,      '',         true,  'No network interface'",
        "::ffff:192.168.1.23,    INTERFACE,      PRIVATE,     wlan0,      false, 'written in IPv6 form'",
    })
    void explains(String text, AddressScope scope, AddressKind kind, String iface, boolean exposed, String words) {
        IpAddress address = IpAddress.parse(text);
        AddressExplanation e = explainer.explain(address, address.family());
        assertThat(e.scope()).isEqualTo(scope);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.interfaceName()).isEqualTo(iface);
        assertThat(e.exposed()).isEqualTo(exposed);
        assertThat(e.text()).contains(words);
        assertThat(e.headline()).isNotBlank();
        assertThat(e.text()).doesNotContain("!detail.");
        assertThat(e.ipv4Mapped()).isEqualTo(address.isIpv4Mapped());
    }

    @Test
    void onlyTheIpv6WildcardIsDualStack() {
        assertThat(explainer.explain(IpAddress.IPV6_ANY, IpAddress.IPV6_ANY.family()).dualStack()).isTrue();
        assertThat(explainer.explain(IpAddress.IPV4_ANY, IpAddress.IPV4_ANY.family()).dualStack()).isFalse();
        assertThat(explainer.explain(IpAddress.IPV6_ANY, IpAddress.IPV6_ANY.family()).headline())
                .contains("IPv6, and usually IPv4 too");
    }

    @Test
    void aWildcardBoundToOneInterfaceIsEveryAddressOfThatInterfaceOnly() {
        // SO_BINDTODEVICE: ss and the scanners show 0.0.0.0%eth0; it is not "every interface".
        AddressExplanation v4 = explainer.explain(IpAddress.parse("0.0.0.0%eth0"), IpFamily.IPV4);
        assertThat(v4.headline()).isEqualTo("Every address of one network interface: eth0");
        assertThat(v4.text()).startsWith("0.0.0.0%eth0 means every IPv4 address of the network interface eth0, and only those")
                .contains("loopback (127.0.0.1) included, do not reach it")
                .contains("Other machines on the network of eth0 can connect")
                .doesNotContain("every IPv4 address of this computer");
        assertThat(v4.interfaceName()).isEqualTo("eth0");
        assertThat(v4.exposed()).isTrue();
        assertThat(v4.dualStack()).isFalse();

        AddressExplanation v6 = explainer.explain(IpAddress.parse("::%wlan0"), IpFamily.IPV6);
        assertThat(v6.headline()).isEqualTo("Every address of one network interface: wlan0");
        assertThat(v6.text()).contains("every address of the network interface wlan0 (IPv6, and usually IPv4 too)");

        AddressExplanation docker = explainer.explain(IpAddress.parse("0.0.0.0%docker0"), IpFamily.IPV4);
        assertThat(docker.text()).contains("docker0 is a Docker network");

        AddressExplanation lo = explainer.explain(IpAddress.parse("0.0.0.0%lo"), IpFamily.IPV4);
        assertThat(lo.exposed()).isFalse();
        assertThat(lo.text()).contains("lo is the loopback interface: only programs on this computer can connect");
    }

    @Test
    void aRefusalAtAWildcardBoundToOneInterfaceNamesThatInterface() {
        ListeningSocket s = new ListeningSocket(Protocol.TCP, IpFamily.IPV4, IpAddress.parse("0.0.0.0%eth0"), 8080,
                List.of());
        assertThat(CommonProblems.forSocket(s)).extracting(CommonProblem::text)
                .anySatisfy(t -> assertThat(t).contains("only connections that arrive through the network interface eth0")
                        .doesNotContain("every IPv4 address"));
    }

    @Test
    void theSystemLookupFindsTheLoopbackInterface() {
        // Loopback always exists; this is the one address a test may rely on.
        AddressExplanation e = AddressExplainer.system().explain(IpAddress.parse("127.0.0.1"),
                IpAddress.IPV4_LOOPBACK.family());
        assertThat(e.scope()).isEqualTo(AddressScope.LOOPBACK);
    }
}
