package dev.portside.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpAddress;
import dev.portside.platform.OsFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class PortRulesTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsTheKernelsFirstUnprivilegedPortAsCatDoes() throws IOException, InterruptedException {
        Path file = Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start");
        Process cat = new ProcessBuilder("cat", file.toString()).start();
        String shown = new String(cat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        cat.waitFor();
        // Files.readString returned "1" for "1024" here: a sysctl file answers only a read from offset 0.
        assertThat(PortRules.linuxStart(file)).isEqualTo(Integer.parseInt(shown));
    }

    @Test
    void aMissingFileMeansTheKernelsDefault() {
        assertThat(PortRules.linuxStart(Path.of("/nonexistent/ip_unprivileged_port_start"))).isEqualTo(1024);
    }

    @Test
    void whichPortsAreReservedWhere() {
        PortRules linux = new PortRules(OsFamily.LINUX, 1024, false, "dev");
        PortRules mac = new PortRules(OsFamily.MACOS, 1024, false, "dev");
        PortRules windows = new PortRules(OsFamily.WINDOWS, 0, true, "dev");
        IpAddress loopback = IpAddress.IPV4_LOOPBACK;
        assertThat(linux.reserved(80, IpAddress.IPV4_ANY)).isTrue();
        assertThat(linux.reserved(1024, loopback)).isFalse();
        assertThat(linux.refusesMe(80, loopback)).isTrue();
        assertThat(new PortRules(OsFamily.LINUX, 1024, true, "root").refusesMe(80, loopback)).isFalse();
        assertThat(new PortRules(OsFamily.LINUX, 0, false, "dev").reserved(80, loopback)).isFalse();
        assertThat(mac.reserved(80, loopback)).isTrue();
        assertThat(mac.reserved(80, IpAddress.IPV6_ANY)).isFalse();
        assertThat(windows.reserved(80, loopback)).isFalse();
    }
}
