package dev.portside.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.testing.FakeScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlBuilderTest {

    private final UrlBuilder urls = new UrlBuilder();

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 3000, http://127.0.0.1:3000/",
        "0.0.0.0, 3000, http://127.0.0.1:3000/",
        "::, 8080, http://[::1]:8080/",
        "::1, 8080, http://[::1]:8080/",
        "::ffff:127.0.0.1, 5173, http://127.0.0.1:5173/",
        "::ffff:0.0.0.0, 5173, http://127.0.0.1:5173/",
        "192.168.1.20, 80, http://192.168.1.20:80/",
        "fe80::1, 9000, http://[fe80::1]:9000/",
        "127.0.0.1, 443, https://127.0.0.1:443/",
        "0.0.0.0, 8443, https://127.0.0.1:8443/",
        "::, 9443, https://[::1]:9443/"
    })
    void buildsABrowsableUrl(String address, int port, String expected) {
        assertThat(urls.url(FakeScanner.tcp(address, port, 10, "srv"))).contains(expected);
    }

    @Test
    void aLinkLocalSocketsUrlCarriesItsZone() {
        assertThat(urls.url(FakeScanner.tcp("fe80::1%eth0", 8080, 10, "node")))
                .contains("http://[fe80::1%25eth0]:8080/");
        assertThat(urls.url(FakeScanner.tcp("::ffff:127.0.0.1", 8080, 10, "java"))).contains("http://127.0.0.1:8080/");
    }

    @Test
    void hasNoUrlForUdp() {
        assertThat(urls.url(FakeScanner.udp("127.0.0.1", 5353, 10, "mdns"))).isEmpty();
    }

    @Test
    void theKnowledgeRuleUsesTheRegistryOnceItIsRead() throws Exception {
        dev.portside.knowledge.Knowledge.sharedAsync().get(60, java.util.concurrent.TimeUnit.SECONDS);
        UrlBuilder knowing = new UrlBuilder(UrlBuilder.KNOWLEDGE_TLS);

        // IANA: 636 is "ldap protocol over TLS/SSL"; the built-in list does not know it.
        assertThat(knowing.url(FakeScanner.tcp("127.0.0.1", 636, 10, "slapd"))).contains("https://127.0.0.1:636/");
        assertThat(urls.url(FakeScanner.tcp("127.0.0.1", 636, 10, "slapd"))).contains("http://127.0.0.1:636/");
        assertThat(knowing.url(FakeScanner.tcp("0.0.0.0", 3000, 10, "node"))).contains("http://127.0.0.1:3000/");
    }

    @Test
    void usesTheInjectedTlsRule() {
        UrlBuilder catalogue = new UrlBuilder(s -> s.port() == 5001);

        assertThat(catalogue.url(FakeScanner.tcp("127.0.0.1", 5001, 10, "srv"))).contains("https://127.0.0.1:5001/");
        assertThat(catalogue.url(FakeScanner.tcp("127.0.0.1", 443, 10, "srv"))).contains("http://127.0.0.1:443/");
    }
}
