package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScannersTest {

    @AfterEach
    void reset() {
        Scanners.setMode(Scanners.Mode.AUTO);
    }

    @Test
    void autoPicksTheFastPathOnLinuxAndSaysWhy() {
        try (PortScanner s = Scanners.best()) {
            Scanners.Choice choice = Scanners.lastChoice();
            assertThat(choice.scanner()).isEqualTo(s.name());
            assertThat(choice.reason()).isNotBlank();
            if (System.getProperty("os.name").toLowerCase().contains("linux")) {
                assertThat(s.name()).isIn("linux-netlink", "linux-proc");
                assertThat(s.scan().scanner()).isEqualTo(s.name());
            } else {
                assertThat(s.name()).isEqualTo("oshi");
            }
        }
    }

    @Test
    void oshiCanBeForced() {
        Scanners.setMode(Scanners.Mode.parse("OSHI"));
        try (PortScanner s = Scanners.best()) {
            assertThat(s.name()).isEqualTo("oshi");
            assertThat(Scanners.lastChoice().reason()).contains("--scanner oshi");
        }
    }

    @Test
    void anUnknownModeIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> Scanners.Mode.parse("fast")).hasMessageContaining("auto or oshi");
    }
}
