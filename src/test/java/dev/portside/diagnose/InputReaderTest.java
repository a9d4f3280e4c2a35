package dev.portside.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InputReaderTest {

    static Stream<MessageCorpus> messages() {
        return MessageCorpus.all().stream();
    }

    private static DiagnosisInput readable(String text) {
        InputReader.Result r = InputReader.read(text);
        assertThat(r).as("read %s", text).isInstanceOf(InputReader.Readable.class);
        return ((InputReader.Readable) r).input();
    }

    private static String unreadable(String text) {
        InputReader.Result r = InputReader.read(text);
        assertThat(r).as("read %s", text).isInstanceOf(InputReader.Unreadable.class);
        return ((InputReader.Unreadable) r).message();
    }

    @Test
    void thereAreAtLeastTwentyFiveRealMessages() {
        assertThat(MessageCorpus.captured()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(MessageCorpus.all().stream().filter(MessageCorpus::namesPort)).hasSizeGreaterThanOrEqualTo(25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void readsThePortAndTheSymptomOfEveryRealMessage(MessageCorpus m) {
        InputReader.Result r = InputReader.read(m.text());
        if (m.namesPort()) {
            assertThat(r).as(m.text()).isInstanceOf(InputReader.Readable.class);
            DiagnosisInput in = ((InputReader.Readable) r).input();
            assertThat(in.port()).as(m.text()).isEqualTo(m.port());
            assertThat(in.symptom().id()).as(m.text()).isEqualTo(m.symptom());
            assertThat(in.portAssumed()).as(m.text()).isEqualTo(m.assumed());
        } else {
            assertThat(r).as(m.text()).isInstanceOf(InputReader.Unreadable.class);
            String message = ((InputReader.Unreadable) r).message();
            assertThat(message).doesNotStartWith("!").doesNotContain("Exception");
            if (!m.symptom().equals("none")) {
                // It says what it understood, and what to type instead.
                assertThat(message).containsAnyOf("names no port", "does not show the port")
                        .containsAnyOf("Type", "Copy the address");
            }
        }
    }

    @Test
    void aPortAloneOrWithAColon() {
        assertThat(readable("3000")).satisfies(in -> {
            assertThat(in.kind()).isEqualTo(InputKind.PORT);
            assertThat(in.port()).isEqualTo(3000);
            assertThat(in.host()).isEmpty();
        });
        assertThat(readable(" :5173 ").port()).isEqualTo(5173);
    }

    @Test
    void addressesOfEveryShape() {
        DiagnosisInput v4 = readable("127.0.0.1:3000");
        assertThat(v4.kind()).isEqualTo(InputKind.ADDRESS);
        assertThat(v4.literal()).hasValueSatisfying(a -> assertThat(a.toString()).isEqualTo("127.0.0.1"));
        assertThat(readable("[::1]:3000").host()).isEqualTo("::1");
        assertThat(readable("::1:3000").host()).isEqualTo("::1");
        assertThat(readable(":::3000").namesEveryAddress()).isTrue();
        DiagnosisInput localhost = readable("localhost:3000");
        assertThat(localhost.namesLocalhost()).isTrue();
        assertThat(localhost.port()).isEqualTo(3000);
        assertThat(readable("LocalHost:8080").host()).isEqualTo("localhost");
        assertThat(readable("db:5432").namesOtherHost()).isTrue();
    }

    @Test
    void urlsWithAndWithoutAPort() {
        DiagnosisInput vite = readable("http://localhost:5173/");
        assertThat(vite.kind()).isEqualTo(InputKind.URL);
        assertThat(vite.port()).isEqualTo(5173);
        assertThat(vite.scheme()).isEqualTo("http");
        assertThat(readable("https://localhost/").port()).isEqualTo(443);
        assertThat(readable("https://localhost/").secure()).isTrue();
        assertThat(readable("http://[::1]:8080/api?x=1").host()).isEqualTo("::1");
        assertThat(readable("postgres://app:secret@localhost/shop").port()).isEqualTo(5432);
        assertThat(unreadable("gopher2://localhost/")).contains("names no port");
    }

    @Test
    void nodeStyleAddressesInAMessage() {
        DiagnosisInput in = readable("Error: connect ECONNREFUSED ::1:3000");
        assertThat(in.host()).isEqualTo("::1");
        assertThat(in.port()).isEqualTo(3000);
        assertThat(in.symptom()).isEqualTo(Symptom.REFUSED);
        assertThat(in.tool()).isEqualTo("node");
        DiagnosisInput any = readable("Error: listen EADDRINUSE: address already in use :::3000");
        assertThat(any.namesEveryAddress()).isTrue();
        assertThat(any.symptom()).isEqualTo(Symptom.IN_USE);
    }

    @Test
    void theHostComesFromTheMessageWhenTheToolNamesIt() {
        assertThat(readable("curl: (7) Failed to connect to ::1 port 3001 after 0 ms: Couldn't connect to server").host())
                .isEqualTo("::1");
        assertThat(readable("ssh: connect to host localhost port 22: Connection refused").host()).isEqualTo("localhost");
        assertThat(readable("psql: error: connection to server at \"localhost\" (127.0.0.1), port 5433 failed: "
                + "Connection refused").host()).isEqualTo("localhost");
        assertThat(readable("requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=8001)")
                .host()).isEqualTo("localhost");
    }

    @Test
    void viteSaysWhereItMovedTo() {
        DiagnosisInput in = readable("Port 5173 is in use, trying another one...\n\n  ➜  Local:   http://localhost:5174/");
        assertThat(in.port()).isEqualTo(5173);
        assertThat(in.otherPorts()).containsExactly(5174);
    }

    @Test
    void aDatabaseClientThatNamesNoPortMeansItsUsualOne() {
        DiagnosisInput in = readable("ERROR 2002 (HY000): Can't connect to server on '127.0.0.1' (115)");
        assertThat(in.port()).isEqualTo(3306);
        assertThat(in.portAssumed()).isTrue();
        assertThat(in.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void lineNumbersTimesAndErrorNumbersAreNotPorts() {
        assertThat(unreadable("  File \"/usr/lib/python3.11/socketserver.py\", line 472, in server_bind\n"
                + "OSError: [Errno 98] Address already in use")).contains("names no port");
        assertThat(unreadable("    at Server.setupListenHandle [as _listen2] (node:net:1908:16)\n"
                + "    at node:internal/deps/undici/undici:14976:13")).contains("no port");
        assertThat(unreadable("2026-12-01 08:20:59.040 UTC [32115] started")).contains("no port");
        assertThat(unreadable("Django version 3.2.25, pid 4121, 18 unapplied migration(s), retry 3 of 5")).contains("no port");
    }

    @Test
    void unknownTextWithSeveralNumbersAsksWhichOne() {
        assertThat(unreadable("3000 or 8080, not sure")).contains("several ports").contains("3000, 8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void nothingTyped(String text) {
        assertThat(unreadable(text)).startsWith("Type a port");
    }

    @Test
    void garbageGetsAPlainSentence() {
        assertThat(unreadable("abc")).contains("no port number");
        assertThat(unreadable("0")).contains("Port 0 is not a real port");
        assertThat(unreadable("70000")).contains("70000 is too big");
        assertThat(unreadable("-5")).contains("cannot be negative");
        assertThat(unreadable("localhost:70000")).contains("70000 is too big");
        assertThat(unreadable("127.0.0.1:0")).contains("Port 0");
        assertThat(unreadable("localhost:abc")).contains("not a port number");
        assertThat(unreadable("http://localhost:99999/")).contains("too big");
        assertThat(unreadable("listen EADDRINUSE :::70000")).contains("too big");
        assertThat(unreadable(null)).startsWith("Type a port");
    }

    @Test
    void controlCharactersAndColourCodesAreNoise() {
        DiagnosisInput in = readable("\u001b[31mError: listen EADDRINUSE: address already in use :::3000\u001b[39m\u0007");
        assertThat(in.port()).isEqualTo(3000);
        assertThat(readable("\u0000\u0001 30\u0008 localhost:3000 \u202e").port()).isEqualTo(3000);
        String msg = unreadable("abc\u001b]0;title\u0007\u0000");
        assertThat(msg).doesNotContain("\u001b").doesNotContain("\u0000").doesNotContain("\u0007");
    }

    @Test
    void onlyTheFirstHundredThousandCharactersOfAHugePasteAreRead() {
        String line = "    at Object.<anonymous> (/app/node_modules/x/index.js:12:34)\n";
        String tail = "Error: listen EADDRINUSE: address already in use :::4000\n";
        assertThat(InputReader.read(line.repeat(100) + tail)).isInstanceOf(InputReader.Readable.class);
        String huge = line.repeat(5000) + tail;
        assertThat(huge.length()).isGreaterThan(InputReader.MAX_CHARS);
        assertThat(InputReader.read(huge)).isInstanceOf(InputReader.Unreadable.class);
    }
}
