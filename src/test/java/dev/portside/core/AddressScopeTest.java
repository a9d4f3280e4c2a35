package dev.portside.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressScopeTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // IPv4
        "0.0.0.0, ALL_INTERFACES",
        "127.0.0.1, LOOPBACK",
        "127.0.0.53, LOOPBACK",
        "127.255.255.254, LOOPBACK",
        "128.0.0.1, INTERFACE",
        "126.255.255.255, INTERFACE",
        "192.168.1.20, INTERFACE",
        "10.0.0.5, INTERFACE",
        "172.17.0.1, INTERFACE",
        "169.254.10.1, INTERFACE",
        "255.255.255.255, INTERFACE",
        // IPv6
        "::, ALL_INTERFACES",
        "::1, LOOPBACK",
        "::2, INTERFACE",
        "fe80::1, INTERFACE",
        "fe80::1%eth0, INTERFACE",
        "2001:db8::1, INTERFACE",
        "fd00::1, INTERFACE",
        "[::1], LOOPBACK",
        // IPv4-mapped IPv6: judged by the IPv4 inside
        "::ffff:127.0.0.1, LOOPBACK",
        "::ffff:127.1.2.3, LOOPBACK",
        "::ffff:0.0.0.0, ALL_INTERFACES",
        "::ffff:192.168.0.1, INTERFACE",
        // IPv4-compatible (deprecated) is not mapped: ::127.0.0.1 is no loopback
        "::127.0.0.1, INTERFACE",
    })
    void scopeOf(String address, AddressScope expected) {
        assertThat(AddressScope.of(IpAddress.parse(address))).isEqualTo(expected);
    }
}
