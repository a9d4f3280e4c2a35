package dev.portside.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An address's zone (the interface a socket is bound to) is part of what the address is. */
class ZonedAddressTest {

    @Test
    void theSameLinkLocalAddressOnTwoInterfacesIsTwoAddresses() {
        IpAddress eth0 = IpAddress.parse("fe80::1%eth0");
        IpAddress eth1 = IpAddress.parse("fe80::1%eth1");
        IpAddress none = IpAddress.parse("fe80::1");
        assertThat(eth0).isNotEqualTo(eth1).isNotEqualTo(none);
        assertThat(eth0).isEqualTo(IpAddress.of(none.bytes(), "eth0")).hasSameHashCodeAs(IpAddress.of(none.bytes(),
                "eth0"));
        assertThat(eth0.zone()).isEqualTo("eth0");
        assertThat(eth0.withoutZone()).isEqualTo(none);
        assertThat(new SocketKey(Protocol.TCP, eth0, 8080)).isNotEqualTo(new SocketKey(Protocol.TCP, eth1, 8080));
        assertThat(none.compareTo(eth0)).isNegative();
        assertThat(eth0.compareTo(eth1)).isNegative();
    }

    @Test
    void textShowsTheZoneAsSsDoesAndAUrlWritesItsPercentAsPercent25() {
        IpAddress a = IpAddress.parse("fe80::1%eth0");
        assertThat(a).hasToString("fe80::1%eth0");
        assertThat(a.withPort(8080)).isEqualTo("[fe80::1%eth0]:8080");
        assertThat(a.toUrlHost()).isEqualTo("[fe80::1%25eth0]");
        assertThat(IpAddress.parse("[fe80::1%25eth0]")).isEqualTo(a);
        assertThat(IpAddress.parse("fe80::1%25").zone()).as("a numeric zone, not an escape").isEqualTo("25");
        assertThat(IpAddress.IPV6_LOOPBACK.toUrlHost()).isEqualTo("[::1]");
        IpAddress boundV4 = IpAddress.of(new byte[4], "eth0");
        assertThat(boundV4).hasToString("0.0.0.0%eth0");
        assertThat(boundV4.toUrlHost()).as("IPv4 URLs have no zones").isEqualTo("0.0.0.0");
        assertThat(boundV4.isWildcard()).isTrue();
    }

    @Test
    void aZoneCannotCarryWhatWouldBreakATextOrAUrl() {
        assertThatThrownBy(() -> IpAddress.parse("fe80::1%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpAddress.of(new byte[16], "eth0\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpAddress.of(new byte[16], "a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIpv4AddressIsItsFourBytes() {
        byte[] sixteen = {127, 0, 0, 1, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
        assertThatThrownBy(() -> IpAddress.of(java.util.Arrays.copyOf(sixteen, 5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IpAddress.of(java.util.Arrays.copyOf(sixteen, 4))).isEqualTo(IpAddress.IPV4_LOOPBACK);
    }
}
