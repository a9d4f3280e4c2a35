package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.testing.Namespaces;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Link-local sockets that look alike: fe80::1 port 8080 bound on two interfaces is two sockets. Made
 * for real in a network namespace of the test's own, with two interfaces that both have fe80::1.
 */
class LinkLocalZonesTest {

    @Test
    void netlinkKeepsTheInterfaceSoTwoLinkLocalSocketsAreTwoRowsWithZonedUrls() throws Exception {
        String why = Namespaces.unavailable();
        assumeTrue(why.isEmpty(), why);
        Namespaces.Run run = Namespaces.runJava(Namespaces.NETWORK, Namespaces.twoInterfaces()
                + "ip -6 addr add fe80::1/64 dev d1 nodad\n"
                + "ip -6 addr add fe80::1/64 dev d2 nodad\n"
                + "ip -6 addr add fe80::2/64 dev d1 nodad\n", ZoneScanMain.class);
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();

        assertThat(lines).filteredOn(l -> l.startsWith("linux-netlink ")).containsExactlyInAnyOrder(
                "linux-netlink tcp [fe80::1%d1]:8080 1 http://[fe80::1%25d1]:8080/",
                "linux-netlink tcp [fe80::1%d2]:8080 1 http://[fe80::1%25d2]:8080/",
                "linux-netlink tcp [fe80::2%d1]:8081 1 http://[fe80::2%25d1]:8081/");
        // /proc/net and OSHI do not say the interface: an address only one interface has tells it;
        // fe80::1 is on both, so those two sockets stay one row there (with both listed as one owner).
        for (String scanner : List.of("linux-proc", "oshi")) {
            assertThat(lines).as(scanner).filteredOn(l -> l.startsWith(scanner + " ")).containsExactlyInAnyOrder(
                    scanner + " tcp [fe80::1]:8080 1 http://[fe80::1]:8080/",
                    scanner + " tcp [fe80::2%d1]:8081 1 http://[fe80::2%25d1]:8081/");
        }
    }
}
