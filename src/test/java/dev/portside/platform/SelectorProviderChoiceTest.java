package dev.portside.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provider named on Linux is the one the JDK picks there by itself, and a user's choice wins. */
class SelectorProviderChoiceTest {

    @Test
    void namesTheProviderTheJdkPicksByItselfOnLinuxAndAUnixSocketWorksWithIt() throws Exception {
        assumeTrue(OsFamily.current() == OsFamily.LINUX, "Linux only");
        // fresh JVMs, as the launcher starts one: without the property the JDK looks for a provider
        // and picks its own; with it, that provider is named at once and a unix socket works
        assertThat(probe(false)).isEqualTo(SelectorProviderChoice.LINUX_DEFAULT + " ok");
        assertThat(probe(true)).isEqualTo(SelectorProviderChoice.LINUX_DEFAULT + " ok");
    }

    @Test
    void aUsersChoiceWins() {
        SelectorProvider.provider(); // chosen already in this JVM: the property below changes nothing else
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

    private static String probe(boolean named) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (named) {
            command.add("-D" + SelectorProviderChoice.PROPERTY + "=" + SelectorProviderChoice.LINUX_DEFAULT);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return out.strip();
    }

    /** Opens a unix-socket channel and a selector in the child JVM, and says which provider made them. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            try (var ch = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
                    var sel = java.nio.channels.Selector.open()) {
                System.out.println(SelectorProvider.provider().getClass().getName() + " ok");
            }
        }
    }
}
