package dev.portside.ui.filter;

import static dev.portside.testing.FakeScanner.tcp;
import static dev.portside.testing.FakeScanner.udp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterQueryTest {

    private static final ListeningSocket NODE = tcp("127.0.0.1", 3000, 4242, "node");
    private static final ListeningSocket POSTGRES = new ListeningSocket(Protocol.TCP, IpAddress.IPV4_ANY.family(),
            IpAddress.IPV4_ANY, 5432, List.of(new ProcessInfo(777, "postgres", "/usr/lib/postgresql/bin/postgres",
                    "postgres -D /var/lib/postgresql", "root", Instant.parse("2026-01-01T09:00:00Z"), 1)));
    private static final ListeningSocket DNS = udp("::1", 53, 55, "dnsmasq");
    private static final ListeningSocket HIDDEN = tcp("0.0.0.0", 8080, 0, "");
    private static final ListeningSocket JAVA = tcp("::", 49342, 31337, "java");
    private static final List<ListeningSocket> ALL = List.of(NODE, POSTGRES, DNS, HIDDEN, JAVA);
    private static final Function<ListeningSocket, String> LABELS = s -> s.port() == 5432 ? "PostgreSQL" : "";

    static Stream<Arguments> cases() {
        return Stream.of(
                // empty
                Arguments.of("", List.of(3000, 5432, 53, 8080, 49342)),
                Arguments.of("   ", List.of(3000, 5432, 53, 8080, 49342)),
                // free words over port, process, pid, address, user, label
                Arguments.of("3000", List.of(3000)),
                Arguments.of("300", List.of(3000)),
                Arguments.of("NODE", List.of(3000)),
                Arguments.of("node 3000", List.of(3000)),
                Arguments.of("node 5432", List.of()),
                Arguments.of("4242", List.of(3000)),
                Arguments.of("0.0.0.0", List.of(5432, 8080)),
                Arguments.of("127.0.0.1:3000", List.of(3000)),
                Arguments.of("::1", List.of(53)),
                Arguments.of("[::1]:53", List.of(53)),
                Arguments.of("root", List.of(5432)),
                Arguments.of("postgresql", List.of(5432)),
                Arguments.of("udp", List.of(53)),
                // exact port and ranges
                Arguments.of(":3000", List.of(3000)),
                Arguments.of(":300", List.of()),
                Arguments.of("port:5432", List.of(5432)),
                Arguments.of("PORT:5432", List.of(5432)),
                Arguments.of(":3000-6000", List.of(3000, 5432)),
                Arguments.of(":6000-3000", List.of()),
                Arguments.of(":99999", List.of()),
                Arguments.of(":0-65535", List.of(3000, 5432, 53, 8080, 49342)),
                // one field only
                Arguments.of("pid:4242", List.of(3000)),
                Arguments.of("pid:42", List.of()),
                Arguments.of("user:root", List.of(5432)),
                Arguments.of("proc:dns", List.of(53)),
                Arguments.of("process:java", List.of(49342)),
                Arguments.of("addr:::", List.of(53, 49342)),
                Arguments.of("owner:postgres", List.of(5432)),
                // exclusion and quotes
                Arguments.of("-node", List.of(5432, 53, 8080, 49342)),
                Arguments.of("-:5432 -:53", List.of(3000, 8080, 49342)),
                Arguments.of("\"node\"", List.of(3000)),
                // incomplete qualifiers are ignored while the user types
                Arguments.of("pid:", List.of(3000, 5432, 53, 8080, 49342)),
                Arguments.of(":", List.of(3000, 5432, 53, 8080, 49342)),
                Arguments.of("node user:", List.of(3000)),
                // garbage matches nothing, never throws
                Arguments.of(":abc", List.of()),
                Arguments.of("port:abc", List.of()),
                Arguments.of("pid:abc", List.of()),
                Arguments.of("port:12345678901234567890", List.of()),
                Arguments.of("((((", List.of()),
                Arguments.of(".*", List.of()),
                Arguments.of("*", List.of()),
                Arguments.of("\\", List.of()),
                Arguments.of("%s%n%d", List.of()),
                Arguments.of("\u0000", List.of()),
                Arguments.of("\uD83D\uDE42", List.of()),
                Arguments.of("\"unclosed quote", List.of()),
                Arguments.of("a".repeat(10_000), List.of()),
                Arguments.of("-", List.of()),
                Arguments.of("foo:bar", List.of()));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("cases")
    void matchesTheExpectedPorts(String text, List<Integer> expectedPorts) {
        FilterQuery query = FilterQuery.parse(text);
        List<Integer> matched = ALL.stream().filter(query.asPredicate(LABELS)).map(ListeningSocket::port).toList();
        assertThat(matched).containsExactlyInAnyOrderElementsOf(expectedPorts);
    }

    @Test
    void nullIsTheEmptyQuery() {
        assertThat(FilterQuery.parse(null).isEmpty()).isTrue();
        assertThat(FilterQuery.parse(null).test(NODE, "")).isTrue();
    }

    @Test
    void aPortWhereNothingListensMatchesOnlyByItsNumber() {
        assertThat(FilterQuery.parse("3000").testPort(3000)).isTrue();
        assertThat(FilterQuery.parse(":3000").testPort(3000)).isTrue();
        assertThat(FilterQuery.parse(":3001").testPort(3000)).isFalse();
        assertThat(FilterQuery.parse("node").testPort(3000)).isFalse();
        assertThat(FilterQuery.parse("").testPort(3000)).isTrue();
    }

    @Test
    void aFailingOwnerLabelCountsAsNoLabel() {
        Function<ListeningSocket, String> broken = s -> {
            throw new IllegalStateException("boom");
        };
        assertThat(FilterQuery.parse("node").asPredicate(broken).test(NODE)).isTrue();
        assertThat(FilterQuery.parse("postgresql").asPredicate(broken).test(POSTGRES)).isFalse();
        assertThat(FilterQuery.parse("node").asPredicate(s -> null).test(NODE)).isTrue();
    }

    @Test
    void randomTextNeverThrows() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = ":-\" 0123456789abcpidortus.[]%*\\\u0000\uffff";
        for (int i = 0; i < 2000; i++) {
            char[] chars = new char[random.nextInt(20)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = new String(chars);
            assertThatCode(() -> ALL.forEach(s -> FilterQuery.parse(text).test(s, "x")))
                    .as("text %s", text).doesNotThrowAnyException();
        }
    }
}
