package dev.portside.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.Protocol;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceRegistryTest {

    private static final ServiceRegistry REGISTRY = ServiceRegistry.loadBundled();

    @Test
    void bundledRegistryHoldsEveryAssignedTcpAndUdpEntry() {
        // IANA assigns about 5,700 port numbers, most of them for both TCP and UDP.
        assertThat(REGISTRY.size()).isBetween(10_000, 14_000);
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
        "TCP, 22, ssh",
        "UDP, 22, ssh",
        "TCP, 443, https",
        "TCP, 5432, postgresql",
        "TCP, 6379, redis",
        "TCP, 27017, mongodb",
        "TCP, 11434, ollama",
        "UDP, 53, domain",
        "TCP, 53, domain",
        "UDP, 123, ntp",
        "UDP, 5353, mdns",
        "UDP, 1900, ssdp",
        "TCP, 3306, mysql",
        "TCP, 8080, http-alt",
        // TCP and UDP differ on the same number
        "TCP, 631, ipps",
        "UDP, 631, ipp",
    })
    void knownPorts(Protocol protocol, int port, String name) {
        assertThat(REGISTRY.lookup(protocol, port)).get().extracting(IanaService::name).isEqualTo(name);
        assertThat(REGISTRY.lookup(protocol, port).get().protocol()).isEqualTo(protocol);
        assertThat(REGISTRY.lookup(protocol, port).get().description()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} {1} has no entry")
    @CsvSource({
        "TCP, 0", // reserved
        "TCP, 5173", // Vite: not registered
        "TCP, 49152", // dynamic range
        "TCP, 65535",
        "UDP, 65000",
        "UDP, 6379", // Redis registered TCP only
        "UDP, 27017",
    })
    void unknownPorts(Protocol protocol, int port) {
        assertThat(REGISTRY.lookup(protocol, port)).isEmpty();
    }

    @Test
    void theBundledFileIsSearchedWithoutAnIndexAndGivesTheIndexsAnswerForEveryPort() {
        // The bundled registry is looked up by binary search in its bytes, which needs the file sorted
        // by port (the generator writes it so): every port's answer is the one of the full index.
        ServiceRegistry fresh = ServiceRegistry.loadBundled();
        int found = 0;
        for (int port = 0; port <= 65535; port++) {
            for (Protocol protocol : Protocol.values()) {
                IanaService searched = fresh.lookup(protocol, port).orElse(null);
                assertThat(searched).as("%s %d", protocol, port).isEqualTo(fresh.findIndexed(protocol, port));
                found += searched == null ? 0 : 1;
            }
        }
        assertThat(found).isEqualTo(fresh.size());
    }

    @Test
    void parsesBothProtocolsOnOneLineAndSkipsComments() throws Exception {
        ServiceRegistry r = ServiceRegistry.parse(new StringReader(
                "# comment\n80\ttcp,udp\thttp\tWorld Wide Web\n81\tudp\tx\ty\nbroken line\nabc\ttcp\tn\td\n"));
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.lookup(Protocol.TCP, 80)).contains(new IanaService(80, Protocol.TCP, "http", "World Wide Web"));
        assertThat(r.lookup(Protocol.UDP, 80)).contains(new IanaService(80, Protocol.UDP, "http", "World Wide Web"));
        assertThat(r.lookup(Protocol.TCP, 81)).isEmpty();
    }

    @Test
    void sharedRegistryIsReadOnceAndAlsoAvailableAsynchronously() throws Exception {
        Knowledge k = Knowledge.preload(dev.portside.poll.BackgroundRunner.daemonThreads("test-knowledge", 1,
                Runnable::run)).get(30, java.util.concurrent.TimeUnit.SECONDS);
        ServiceRegistry r = k.registry();
        assertThat(r).isSameAs(ServiceRegistry.shared());
        assertThat(Knowledge.sharedIfLoaded()).containsSame(k);
        assertThat(r.lookup(Protocol.TCP, 22)).isPresent();
    }

    @Test
    void theLastLineForAPortAndProtocolCountsAndAnUnsortedFileIsFound() throws Exception {
        ServiceRegistry r = ServiceRegistry.parse(new StringReader(String.join("\n",
                "# port\tprotocols\tname\tdescription",
                "8080\ttcp\thttp-alt\tHTTP Alternate",
                "80\ttcp,udp\thttp\tWorld Wide Web",
                "8080\tudp\thttp-alt-udp\tHTTP Alternate (UDP)",
                "8080\ttcp\twebcache\tHTTP Web Cache",
                "not a port\ttcp\tx\ty",
                "443\ttcp\thttps")));
        assertThat(r.lookup(Protocol.TCP, 8080)).contains(new IanaService(8080, Protocol.TCP, "webcache", "HTTP Web Cache"));
        assertThat(r.lookup(Protocol.UDP, 8080)).contains(
                new IanaService(8080, Protocol.UDP, "http-alt-udp", "HTTP Alternate (UDP)"));
        assertThat(r.lookup(Protocol.UDP, 80)).contains(new IanaService(80, Protocol.UDP, "http", "World Wide Web"));
        assertThat(r.lookup(Protocol.TCP, 443)).isEmpty(); // a line without a description is skipped
        assertThat(r.size()).isEqualTo(4);
    }
}
