package dev.portside.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.spi.SelectorProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provider named on Linux is the one the JDK picks there by itself, and a user's choice wins. */
class SelectorProviderChoiceTest {

    @Test
    void namesTheProviderTheJdkUsesOnLinux() {
        assumeTrue(OsFamily.current() == OsFamily.LINUX, "Linux only");
        // this JVM's provider, chosen without the property (nothing in the tests sets it before)
        assertThat(SelectorProvider.provider().getClass().getName()).isEqualTo(SelectorProviderChoice.LINUX_DEFAULT);
    }

    @Test
    void aUsersChoiceWins() throws Exception {
        String before = System.getProperty(SelectorProviderChoice.PROPERTY);
        try {
            System.setProperty(SelectorProviderChoice.PROPERTY, "my.Provider");
            SelectorProviderChoice.apply();
            assertThat(System.getProperty(SelectorProviderChoice.PROPERTY)).isEqualTo("my.Provider");
            System.clearProperty(SelectorProviderChoice.PROPERTY);
            SelectorProviderChoice.apply();
            assertThat(System.getProperty(SelectorProviderChoice.PROPERTY))
                    .isEqualTo(OsFamily.current() == OsFamily.LINUX ? SelectorProviderChoice.LINUX_DEFAULT : null);
        } finally {
            if (before == null) {
                System.clearProperty(SelectorProviderChoice.PROPERTY);
            } else {
                System.setProperty(SelectorProviderChoice.PROPERTY, before);
            }
        }
    }

    @Test
    void aCommandWithThePropertyTalksOverAUnixSocket() throws Exception {
        assumeTrue(OsFamily.current() == OsFamily.LINUX, "Linux only");
        // a fresh JVM, as the launcher starts one: the property names the provider, and a unix socket works
        ProcessBuilder pb = new ProcessBuilder(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + SelectorProviderChoice.PROPERTY + "=" + SelectorProviderChoice.LINUX_DEFAULT,
                "-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out.strip()).isEqualTo(SelectorProviderChoice.LINUX_DEFAULT + " ok");
    }

    /** Opens a unix-socket channel and a selector in the child JVM. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            try (var ch = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
                    var sel = java.nio.channels.Selector.open()) {
                System.out.println(SelectorProvider.provider().getClass().getName() + " ok");
            }
        }
    }
}
