package dev.portside.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
        "127.0.0.1, 127.0.0.1, IPV4",
        "0.0.0.0, 0.0.0.0, IPV4",
        "0:0:0:0:0:0:0:1, ::1, IPV6",
        "0:0:0:0:0:0:0:0, ::, IPV6",
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1, IPV6",
        "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1, IPV6",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1, IPV6",
        "2001:db8:1:1:1:1:0:1, 2001:db8:1:1:1:1:0:1, IPV6",
        "FE80::ABCD, fe80::abcd, IPV6",
        "::ffff:127.0.0.1, ::ffff:127.0.0.1, IPV6",
        "[::1], ::1, IPV6",
    })
    void textFollowsRfc5952(String input, String text, IpFamily family) {
        IpAddress a = IpAddress.parse(input);
        assertThat(a).hasToString(text);
        assertThat(a.family()).isEqualTo(family);
    }

    @Test
    void aV4MappedAddressStaysAnIpv6AddressUnlikeInetAddress() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        IpAddress a = IpAddress.of(mapped);
        assertThat(a.family()).isEqualTo(IpFamily.IPV6);
        assertThat(a.isIpv4Mapped()).isTrue();
        assertThat(a.embeddedIpv4()).isEqualTo(IpAddress.IPV4_LOOPBACK);
        assertThat(a).isNotEqualTo(IpAddress.IPV4_LOOPBACK);
        assertThat(IpAddress.of(InetAddress.getByName("::1"))).isEqualTo(IpAddress.IPV6_LOOPBACK);
    }

    @Test
    void hostNextToAPortBracketsIpv6() {
        assertThat(IpAddress.parse("::1").withPort(8080)).isEqualTo("[::1]:8080");
        assertThat(IpAddress.parse("127.0.0.1").withPort(8080)).isEqualTo("127.0.0.1:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com", "1.2.3", "abc", "1.2.3.4.5", "::g"})
    void refusesAnythingButALiteralAndNeverResolvesNames(String text) {
        assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersIpv4BeforeIpv6ThenNumerically() {
        assertThat(IpAddress.parse("10.0.0.2")).isGreaterThan(IpAddress.parse("9.255.0.1"));
        assertThat(IpAddress.parse("255.255.255.255")).isLessThan(IpAddress.parse("::"));
    }

    @Test
    void theTextChecksAcceptWhatTheirRegularExpressionsMatch() {
        java.util.regex.Pattern v4 = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
        java.util.regex.Pattern v6 = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");
        java.util.Random random = new java.util.Random(7);
        String alphabet = "0123456789.:abcdefABCDEFgx%-\u0663 ";
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of("", ".", "1.2.3.4", "1.2.3", "1.2.3.4.",
                ".1.2.3", "1..2.3", "1234.1.1.1", "255.255.255.255", "::", "::1", "fe80::1", "0.0.0.0", "1.2.3.\u0664"));
        for (int i = 0; i < 20000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(16);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(sb.toString());
        }
        for (String t : texts) {
            assertThat(IpAddress.looksLikeIpv4(t)).as(t).isEqualTo(v4.matcher(t).matches());
            assertThat(IpAddress.looksLikeIpv6(t)).as(t).isEqualTo(v6.matcher(t).matches());
        }
    }
}
